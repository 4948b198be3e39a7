// SPDX-License-Identifier: MIT
#pragma once

#include <httplib.h>

#include <string>

#include "faults/fault_schedule.hpp"
#include "faults/stats.hpp"
#include "graph/router.hpp"

namespace emulator {

/// What the request handlers work with. Everything referenced must outlive the server.
struct ServerParts {
  const Router& router;
  FaultSchedule& schedule;
  /// Counts every Graph request and its fault.
  RequestStats& stats;
  const FaultOptions& faults;
  /// The oversize fault's body, built once at startup (see oversizeBody).
  const std::string& oversizeBody;
  bool verbose = false;
};

/// Connects httplib to the router: every method and path goes to Router::dispatch (Graph
/// requests first through the fault schedule, the stats and the delay), httplib's own refusals
/// (a malformed request, a body over the limit) get Graph's error body, and `--verbose` logs
/// one line per request.
void installHandlers(httplib::Server& server, const ServerParts& parts);

}  // namespace emulator
