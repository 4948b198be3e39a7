// SPDX-License-Identifier: MIT
#include "graph/graph_responses.hpp"

#include "support/time_format.hpp"
#include "support/utf8.hpp"

namespace emulator {

namespace {

constexpr const char* kPolicyConflictMessage =
    "A conflicting object with one or more of the specified property values is present in the "
    "directory.";
constexpr const char* kTenantIdConflictMessage =
    "Another object with the same value for property tenantId already exists.";

// Graph's error object; `details` goes between `message` and `innerError` when given.
ApiResponse errorResponse(const CallIds& ids, int status, std::string_view code,
                          std::string_view message, const msgraph::Json* details) {
  msgraph::JsonObject error{{"code", code}, {"message", printable(message)}};
  if (details != nullptr) error.set("details", *details);
  error.set("innerError", msgraph::Json::object({
                              {"date", graphErrorDate(ids.when)},
                              {"request-id", ids.requestId},
                              {"client-request-id", printable(ids.clientRequestId)},
                          }));
  ApiResponse response;
  response.status = status;
  response.setJson(msgraph::Json::object({{"error", std::move(error)}}));
  return response;
}

}  // namespace

ApiResponse graphError(const CallIds& ids, int status, std::string_view code,
                       std::string_view message) {
  return errorResponse(ids, status, code, message, nullptr);
}

ApiResponse conflictingObjects(const CallIds& ids, std::string_view target, Conflict conflict) {
  const char* message =
      conflict == Conflict::Policy ? kPolicyConflictMessage : kTenantIdConflictMessage;
  const msgraph::Json details = msgraph::Json::Array{msgraph::Json::object({
      {"code", "ConflictingObjects"},
      {"message", message},
      {"target", printable(target)},
  })};
  return errorResponse(ids, 409, "Request_MultipleObjectsWithSameKeyValue", message, &details);
}

ApiResponse updateTargetNotFound(const CallIds& ids) {
  return graphError(ids, 404, "Directory_ObjectNotFound",
                    "Unable to read the company information from the directory.");
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
