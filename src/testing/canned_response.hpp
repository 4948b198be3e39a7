// SPDX-License-Identifier: MIT
#pragma once

// The response both mock transports queue for `enqueue(status, body)`.
#include <string>
#include <utility>

#include "msgraph/http/http_response.hpp"

namespace msgraph::testing::detail {

inline HttpResponse cannedResponse(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  if (!body.empty()) response.headers.add("Content-Type", "application/json");
  response.body = std::move(body);
  return response;
}

}  // namespace msgraph::testing::detail
