// SPDX-License-Identifier: MIT
#include "graph/json_body.hpp"

#include "graph/graph_responses.hpp"
#include "msgraph/ascii.hpp"

namespace emulator {

std::optional<ApiResponse> refuseBody(const GraphCall& call) {
  if (call.request.body.empty()) {
    return graphError(call.ids, 400, "BadRequest", "Empty Payload. JSON content expected.");
  }
  if (!msgraph::asciiEqualsIgnoreCase(mediaType(call.request.headers), "application/json")) {
    return graphError(call.ids, 415, "UnsupportedMediaType",
                      "The request body must be sent with Content-Type: application/json.");
  }
  return std::nullopt;
}

}  // namespace emulator
