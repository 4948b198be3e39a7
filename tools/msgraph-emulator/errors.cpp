#include "errors.hpp"

#include "ids.hpp"
#include "text.hpp"

namespace emulator {

CallIds newCallIds(const Headers& requestHeaders) {
  CallIds ids;
  ids.requestId = newUuid();
  const std::string* echoed = findHeader(requestHeaders, "client-request-id");
  ids.clientRequestId = (echoed != nullptr && !echoed->empty()) ? *echoed : newUuid();
  ids.when = std::chrono::system_clock::now();
  return ids;
}

void addStandardHeaders(ApiResponse& response, const CallIds& ids) {
  setHeader(response.headers, "request-id", ids.requestId);
  setHeader(response.headers, "client-request-id", ids.clientRequestId);
  setHeader(response.headers, "Date", imfFixdate(ids.when));
}

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
