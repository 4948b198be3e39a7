// SPDX-License-Identifier: MIT
#include "faults/fault_responses.hpp"

#include "graph/graph_responses.hpp"
#include "support/time_format.hpp"

namespace emulator {

ApiResponse throttledResponse(const CallIds& ids, const std::string& retryAfter) {
  ApiResponse response;
  response.status = 429;
  // Mirrors the throttling sample in Graph's documentation key for key, so that clients are
  // tested against the body the service is documented to send.
  response.setJson(
      msgraph::Json::object({{"error", msgraph::Json::object({
                                           {"code", "TooManyRequests"},
                                           {"innerError", msgraph::Json::object({
                                                              {"code", "429"},
                                                              {"date", graphErrorDate(ids.when)},
                                                              {"message", "Please retry after"},
                                                              {"request-id", ids.requestId},
                                                              {"status", "429"},
                                                          })},
                                           {"message", "Please retry again later."},
                                       })}}));
  setHeader(response.headers, "Retry-After", retryAfter);
  return response;
}

ApiResponse unavailableResponse(const CallIds& ids, const std::string& retryAfter) {
  ApiResponse response = graphError(ids, 503, "ServiceUnavailable",
                                    "The service is temporarily unavailable. Retry the request "
                                    "after the interval given in Retry-After.");
  setHeader(response.headers, "Retry-After", retryAfter);
  return response;
}

}  // namespace emulator
