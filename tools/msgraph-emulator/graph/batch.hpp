// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include "api/messages.hpp"
#include "graph/graph_call.hpp"

namespace emulator {

/// Runs one batch item through the same dispatch as an HTTP request.
using ItemDispatcher = std::function<ApiResponse(const ApiRequest&)>;

/// The most requests one `$batch` may hold, as on Graph.
constexpr std::size_t kMaxBatchRequests = 20;

/// `POST /{ver}/$batch`: checks the envelope (at most 20 requests, unique ids, known
/// `dependsOn`), runs the items in order through `dispatch` with the envelope's
/// `Authorization`, and collects `{"responses":[{"id","status","headers","body"}]}`. An item
/// whose dependency failed gets 424 without running.
ApiResponse handleBatch(const GraphCall& call, const ItemDispatcher& dispatch);

}  // namespace emulator
