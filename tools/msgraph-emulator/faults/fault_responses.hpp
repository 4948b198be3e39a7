// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/call_ids.hpp"
#include "api/messages.hpp"

namespace emulator {

/// 429 with Graph's documented throttling body (its own key order and innerError) and
/// `Retry-After: <retryAfter>`.
ApiResponse throttledResponse(const CallIds& ids, const std::string& retryAfter);

/// 503 `ServiceUnavailable` with `Retry-After: <retryAfter>`.
ApiResponse unavailableResponse(const CallIds& ids, const std::string& retryAfter);

}  // namespace emulator
