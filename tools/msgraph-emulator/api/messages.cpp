// SPDX-License-Identifier: MIT
#include "api/messages.hpp"

namespace emulator {

void ApiResponse::setJson(const msgraph::Json& value) {
  body = value.dump();
  setHeader(headers, "Content-Type", "application/json");
}

}  // namespace emulator
