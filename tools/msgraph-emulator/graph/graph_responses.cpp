// SPDX-License-Identifier: MIT
#include "graph/graph_responses.hpp"

#include "support/time_format.hpp"
#include "support/utf8.hpp"

namespace emulator {

ApiResponse graphError(const CallIds& ids, int status, std::string_view code,
                       std::string_view message) {
  ApiResponse response;
  response.status = status;
  response.setJson(msgraph::Json::object(
      {{"error", msgraph::Json::object({
                     {"code", code},
                     {"message", printable(message)},
                     {"innerError", msgraph::Json::object({
                                        {"date", graphErrorDate(ids.when)},
                                        {"request-id", ids.requestId},
                                        {"client-request-id", printable(ids.clientRequestId)},
                                    })},
                 })}}));
  return response;
}

ApiResponse methodNotAllowed(const CallIds& ids, std::string allow) {
  ApiResponse response = graphError(ids, 405, "Request_BadRequest",
                                    "Specified HTTP method is not allowed for the request uri.");
  setHeader(response.headers, "Allow", std::move(allow));
  return response;
}

ApiResponse resourceNotFound(const CallIds& ids, std::string_view name) {
  return graphError(ids, 404, "Request_ResourceNotFound",
                    "Resource '" + std::string(name) +
                        "' does not exist or one of its queried reference-property objects are "
                        "not present.");
}

ApiResponse noContent() {
  ApiResponse response;
  response.status = 204;
  return response;
}

}  // namespace emulator
