#pragma once

#include <httplib.h>

#include "faults.hpp"
#include "router.hpp"

namespace emulator {

/// Connects httplib to the router: every method and path goes to Router::dispatch (Graph
/// requests first through the fault schedule and delay), httplib's own refusals (a malformed
/// request, a body over the limit) get Graph's error body, and `--verbose` logs one line per
/// request. `router` and `schedule` must outlive `server`.
void installHandlers(httplib::Server& server, const Router& router, FaultSchedule& schedule,
                     const FaultOptions& faults, bool verbose);

}  // namespace emulator
