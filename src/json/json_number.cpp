// SPDX-License-Identifier: MIT
#include "json/json_number.hpp"

#include <locale.h>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace msgraph::detail {

namespace {

template <typename Integer>
std::optional<Json> exactInteger(std::string_view text) {
  Integer value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return Json(value);
}

}  // namespace

std::optional<Json> parseJsonNumber(std::string_view text) {
  const bool integral = text.find_first_of(".eE") == std::string_view::npos;
  if (integral) {
    auto exact =
        text.front() == '-' ? exactInteger<std::int64_t>(text) : exactInteger<std::uint64_t>(text);
    if (exact) return exact;  // else too large for 64 bits: a double, as JSON allows
  }
  const std::string copy(text);  // strtod needs a terminator
  // The "C" locale, whatever the application set: JSON's decimal point is always '.'.
  static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  errno = 0;
  const double value = strtod_l(copy.c_str(), nullptr, cLocale);
  if (errno == ERANGE && std::isinf(value)) return std::nullopt;
  return Json(value);  // underflow gives the correctly rounded tiny value or zero
}

}  // namespace msgraph::detail
