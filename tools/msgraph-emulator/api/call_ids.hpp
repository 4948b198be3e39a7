// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>

#include "api/messages.hpp"

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

}  // namespace emulator
