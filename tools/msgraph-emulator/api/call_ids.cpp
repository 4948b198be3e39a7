// SPDX-License-Identifier: MIT
#include "api/call_ids.hpp"

#include "support/random.hpp"
#include "support/time_format.hpp"

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

}  // namespace emulator
