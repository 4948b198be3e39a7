// SPDX-License-Identifier: MIT
#include "throttling/clock_endpoint.hpp"

#include <chrono>
#include <cstdint>

#include "graph/graph_responses.hpp"
#include "msgraph/error.hpp"

namespace emulator {
namespace {

constexpr std::int64_t kMaxAdvanceMillis = 86400000;

ApiResponse now(const ThrottleClock& clock, bool withMode) {
  msgraph::JsonObject body{{"nowMilliseconds", clock.nowMicros() / 1000}};
  if (withMode) body.set("manual", clock.manual());
  ApiResponse response;
  response.setJson(body);
  return response;
}

}  // namespace

ApiResponse clockEndpoint(const ApiRequest& request, const CallIds& ids, ThrottleClock& clock) {
  if (request.method == "GET") return now(clock, true);
  if (request.method != "POST") return methodNotAllowed(ids, "GET, POST");
  if (!clock.manual()) {
    return graphError(ids, 400, "BadRequest",
                      "The throttling clock follows the system clock; start the emulator with "
                      "--throttle-manual-clock to advance it.");
  }
  const char* const problem =
      "The body must be {\"advanceMilliseconds\": n} with n an integer from 0 to 86400000.";
  msgraph::Json body;
  try {
    body = msgraph::Json::parse(request.body);
  } catch (const msgraph::DeserializationError&) {
    return graphError(ids, 400, "BadRequest", problem);
  }
  const msgraph::Json* advance = body.isObject() ? body.find("advanceMilliseconds") : nullptr;
  if (advance == nullptr || advance->type() != msgraph::Json::Type::Int || advance->asInt() < 0 ||
      advance->asInt() > kMaxAdvanceMillis) {
    return graphError(ids, 400, "BadRequest", problem);
  }
  clock.advance(std::chrono::milliseconds(advance->asInt()));
  return now(clock, false);
}

}  // namespace emulator
