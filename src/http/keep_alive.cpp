// SPDX-License-Identifier: MIT
#include "http/keep_alive.hpp"

#include <algorithm>

#include "http/header_value.hpp"
#include "msgraph/ascii.hpp"

namespace msgraph::detail {

namespace {

// A whole number of seconds from 1 to kDefaultMaxIdleSeconds, digits only.
std::optional<long> secondsIn(std::string_view digits) {
  if (digits.empty() || digits.size() > 3) return std::nullopt;
  long seconds = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  if (seconds < 1 || seconds > kDefaultMaxIdleSeconds) return std::nullopt;
  return seconds;
}

}  // namespace

std::optional<long> keepAliveTimeoutOf(std::string_view value) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    const std::string_view parameter = withoutOws(value.substr(0, comma));
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    const std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (!asciiEqualsIgnoreCase(withoutOws(parameter.substr(0, equals)), "timeout")) continue;
    return secondsIn(withoutOws(parameter.substr(equals + 1)));
  }
  return std::nullopt;
}

long maxIdleSecondsFor(std::optional<long> timeout) {
  if (!timeout) return kDefaultMaxIdleSeconds;
  return std::max(*timeout - 2, 0L);
}

}  // namespace msgraph::detail
