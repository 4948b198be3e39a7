// SPDX-License-Identifier: MIT
#pragma once

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "throttling/throttle_clock.hpp"

namespace emulator {

/// `/emulator/clock`, the throttling clock (for tests; needs no token, is never faulted or
/// throttled):
///   GET  -> 200 {"nowMilliseconds":t,"manual":b}
///   POST {"advanceMilliseconds":n} -> 200 {"nowMilliseconds":t}, the clock n ms later
/// A POST is 400 unless the clock is manual (`--throttle-manual-clock`) and n is an integer
/// from 0 to 86400000 (a day); other methods are 405.
ApiResponse clockEndpoint(const ApiRequest& request, const CallIds& ids, ThrottleClock& clock);

}  // namespace emulator
