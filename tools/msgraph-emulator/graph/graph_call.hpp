// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "graph/api_version.hpp"

namespace emulator {

/// What every Graph handler needs besides the request: the call's ids, the API version and the
/// emulator's base URL (for `@odata.context`).
struct GraphCall {
  const ApiRequest& request;
  const CallIds& ids;
  ApiVersion version;
  const std::string& baseUrl;
};

}  // namespace emulator
