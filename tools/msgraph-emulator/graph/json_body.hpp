// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "graph/graph_call.hpp"

namespace emulator {

/// 400 for an empty body, 415 unless Content-Type is application/json (parameters allowed);
/// nullopt when the body may be read.
std::optional<ApiResponse> refuseBody(const GraphCall& call);

}  // namespace emulator
