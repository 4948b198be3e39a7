// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "graph/api_version.hpp"

namespace emulator {

/// What every Graph handler needs besides the request: the call's ids, the API version, the
/// emulator's base URL (for `@odata.context`) and the key of the tenant whose policies the call
/// reads and writes: the tenant its token was issued for (see Store::tenantKey).
struct GraphCall {
  const ApiRequest& request;
  const CallIds& ids;
  ApiVersion version;
  const std::string& baseUrl;
  const std::string& tenant;
};

}  // namespace emulator
