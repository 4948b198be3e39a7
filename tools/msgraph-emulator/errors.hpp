#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "api_types.hpp"

namespace emulator {

/// The identifiers of one call: a fresh `request-id`, the caller's `client-request-id` (or a
/// fresh one), and the moment the call arrived (for `Date` and `innerError.date`).
struct CallIds {
  std::string requestId;
  std::string clientRequestId;
  std::chrono::system_clock::time_point when;
};

/// Identifiers for a call that arrived with `requestHeaders`.
CallIds newCallIds(const Headers& requestHeaders);

/// Adds `request-id`, `client-request-id` and `Date`, which every response carries.
void addStandardHeaders(ApiResponse& response, const CallIds& ids);

/// A Graph error: `{"error":{"code","message","innerError":{"date","request-id",
/// "client-request-id"}}}`.
ApiResponse graphError(const CallIds& ids, int status, std::string_view code,
                       std::string_view message);

/// 429 with Graph's documented throttling body (its own key order and innerError) and
/// `Retry-After: <retryAfter>`.
ApiResponse throttledResponse(const CallIds& ids, const std::string& retryAfter);

/// 503 `ServiceUnavailable` with `Retry-After: <retryAfter>`.
ApiResponse unavailableResponse(const CallIds& ids, const std::string& retryAfter);

}  // namespace emulator
