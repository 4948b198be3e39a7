// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "msgraph/http/http_response.hpp"
#include "pipeline/throttle_scope.hpp"

namespace msgraph::detail {

/// What one answer says about throttling, read from its status and headers. Everything is
/// optional: a header that is absent or unreadable (it comes from a server, so it is untrusted)
/// is nullopt, never a guess.
struct ThrottleSignals {
  /// The HTTP status; 0 when no response arrived (a transport failure).
  int status = 0;
  /// `Retry-After`, seconds or HTTP-date.
  std::optional<std::chrono::milliseconds> retryAfter;
  /// `x-ms-throttle-limit-percentage`: the share of the quota used (Graph sends it from 0.8 up).
  std::optional<double> limitPercentage;
  /// The kind named by `x-ms-throttle-scope` (`Tenant_Application/Write/{appId}/{tenantId}`).
  std::optional<ThrottleScopeKind> scope;
  /// `x-ms-throttle-information` as sent (`WriteLimitExceeded`), a view into the response:
  /// untrusted text, for logs through the redaction and terminal filters only.
  std::string_view information;
};

/// Reads the throttle headers of `response`; `now` resolves a `Retry-After` date.
ThrottleSignals throttleSignalsOf(const HttpResponse& response,
                                  std::chrono::system_clock::time_point now);

/// `x-ms-throttle-limit-percentage`: a plain decimal number (`0.8`, `1.25`) from 0 to 10;
/// anything else is nullopt.
std::optional<double> parseLimitPercentage(std::string_view value) noexcept;

/// The kind of an `x-ms-throttle-scope` value, by its first two segments (`<Scope>/<Limit>`, any
/// case): `Tenant_Application`, `Tenant` or `Application`, with `Write` or a resource-unit
/// limit (`ResourceUnit...`, or `Read`). Anything else is nullopt.
std::optional<ThrottleScopeKind> parseThrottleScope(std::string_view value) noexcept;

}  // namespace msgraph::detail
