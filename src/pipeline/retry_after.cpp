#include "pipeline/retry_after.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <string>

namespace msgraph::detail {

namespace {

std::optional<std::chrono::milliseconds> parseSeconds(std::string_view value) {
  if (value.empty() || value.size() > 32) return std::nullopt;
  bool dot = false;
  for (char c : value) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  const double seconds = std::strtod(std::string(value).c_str(), nullptr);
  if (!std::isfinite(seconds) || seconds > 1e9) return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000.0)));
}

std::optional<std::chrono::milliseconds> parseHttpDate(std::string_view value,
                                                       std::chrono::system_clock::time_point now) {
  std::tm tm{};
  const std::string text(value);
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  // Seconds, not time_points: a date centuries away must not overflow the clock's nanoseconds.
  const long long when = static_cast<long long>(timegm(&tm));
  const long long nowSeconds = static_cast<long long>(std::chrono::system_clock::to_time_t(now));
  if (when <= nowSeconds) return std::chrono::milliseconds(0);
  constexpr long long kYear = 366LL * 24 * 3600;  // any longer wait is as good as forever
  return std::chrono::seconds(std::min(when - nowSeconds, kYear));
}

std::string_view trim(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return value;
}

}  // namespace

std::optional<std::chrono::milliseconds> parseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (auto seconds = parseSeconds(value)) return seconds;
  return parseHttpDate(value, now);
}

}  // namespace msgraph::detail
