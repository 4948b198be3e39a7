// SPDX-License-Identifier: MIT
#pragma once

// What the requests of a call retried twice must show, blocking or async: one client-request-id
// throughout, and Retry-Attempt from the second attempt on.
#include <catch2/catch.hpp>

#include <vector>

#include "msgraph/http/http_request.hpp"

namespace msgraph_test {

inline void checkRetriedTwice(const std::vector<msgraph::HttpRequest>& requests) {
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].headers.get("client-request-id") ==
        requests[2].headers.get("client-request-id"));
  CHECK_FALSE(requests[0].headers.contains("Retry-Attempt"));
  CHECK(requests[1].headers.get("Retry-Attempt") == "1");
  CHECK(requests[2].headers.get("Retry-Attempt") == "2");
}

}  // namespace msgraph_test
