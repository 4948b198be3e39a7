// SPDX-License-Identifier: MIT
#include "pipeline/throttle_signals.hpp"

#include <charconv>
#include <cmath>

#include "http/retry_after.hpp"
#include "msgraph/ascii.hpp"

namespace msgraph::detail {

namespace {

// The most a limit percentage can be: Graph documents 0.8 to 1.8; more is not a share.
constexpr double kMostLimitPercentage = 10.0;

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() &&
         asciiEqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

// The segment before the next '/', taken off `rest`.
std::string_view nextSegment(std::string_view& rest) noexcept {
  const auto slash = rest.find('/');
  const std::string_view segment = rest.substr(0, slash);
  rest.remove_prefix(slash == std::string_view::npos ? rest.size() : slash + 1);
  return segment;
}

}  // namespace

std::optional<double> parseLimitPercentage(std::string_view value) noexcept {
  // Digits with at most one '.', nothing else: from_chars alone would take "1e3", "inf", "-0".
  bool digit = false;
  bool dot = false;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digit || value.size() > 32) return std::nullopt;
  double result = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
  if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  if (!std::isfinite(result) || result > kMostLimitPercentage) return std::nullopt;
  return result;
}

std::optional<ThrottleScopeKind> parseThrottleScope(std::string_view value) noexcept {
  std::string_view rest = value;
  const std::string_view scope = nextSegment(rest);
  const std::string_view limit = nextSegment(rest);
  const bool writes = asciiEqualsIgnoreCase(limit, "Write");
  // Reads are metered in resource units; `Read` is how the emulator's read quota names itself.
  const bool units =
      startsWithIgnoreCase(limit, "ResourceUnit") || asciiEqualsIgnoreCase(limit, "Read");
  if (!writes && !units) return std::nullopt;
  if (asciiEqualsIgnoreCase(scope, "Tenant_Application")) {
    return writes ? ThrottleScopeKind::ApplicationTenantWrites
                  : ThrottleScopeKind::ApplicationTenantResourceUnits;
  }
  if (asciiEqualsIgnoreCase(scope, "Application")) {
    return writes ? ThrottleScopeKind::ApplicationWrites
                  : ThrottleScopeKind::ApplicationResourceUnits;
  }
  // The tenant has a write quota only ("Not applicable" for resource units).
  if (asciiEqualsIgnoreCase(scope, "Tenant") && writes) return ThrottleScopeKind::TenantWrites;
  return std::nullopt;
}

ThrottleSignals throttleSignalsOf(const HttpResponse& response,
                                  std::chrono::system_clock::time_point now) {
  ThrottleSignals signals;
  signals.status = response.status;
  if (auto value = response.headers.get("Retry-After")) {
    signals.retryAfter = parseRetryAfter(*value, now);
  }
  if (auto value = response.headers.get("x-ms-throttle-limit-percentage")) {
    signals.limitPercentage = parseLimitPercentage(*value);
  }
  if (auto value = response.headers.get("x-ms-throttle-scope")) {
    signals.scope = parseThrottleScope(*value);
  }
  signals.information = response.headers.get("x-ms-throttle-information").value_or("");
  return signals;
}

}  // namespace msgraph::detail
