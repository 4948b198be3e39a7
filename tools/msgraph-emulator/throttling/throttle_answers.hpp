// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "throttling/throttler.hpp"

namespace emulator {

// The headers are those of Graph's identity and access service
// (https://learn.microsoft.com/graph/throttling-limits, "Identity and access service limits",
// "Other headers").

/// The 429 of a request `verdict` refused: Graph's throttling body (as throttledResponse
/// writes it), `Retry-After` (retryAfterText), `x-ms-throttle-scope`
/// (`<Scope>/<Limit>/<appId>/<tenantId>`), `x-ms-throttle-information` (`WriteLimitExceeded`
/// or, for reads, `ResourceUnitLimitExceeded`) and `x-ms-throttle-limit-percentage`.
ApiResponse throttledAnswer(const CallIds& ids, const ThrottleVerdict& verdict,
                            std::string_view appId, std::string_view tenantId);

/// Adds `x-ms-throttle-limit-percentage` to a response let through when the use of its
/// limits is above 0.8 (the documented threshold), as `0.81` .. `1.00`.
void addLimitPercentage(ApiResponse& response, const ThrottleVerdict& verdict);

/// `micros` as `Retry-After` seconds, rounded up to the millisecond so that a client that
/// waits exactly that long finds a token: `2.128` as in Graph's documented sample
/// (https://learn.microsoft.com/graph/throttling, "Sample response"), `3` when whole.
std::string retryAfterText(std::int64_t micros);

}  // namespace emulator
