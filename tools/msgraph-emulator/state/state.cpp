// SPDX-License-Identifier: MIT
#include "state/state.hpp"

#include <algorithm>

#include "msgraph/ascii.hpp"

namespace emulator {

bool State::knowsTenant(std::string_view tenant) const {
  return tenants.empty() ||
         std::any_of(tenants.begin(), tenants.end(), [&](const std::string& known) {
           return msgraph::asciiEqualsIgnoreCase(known, tenant);
         });
}

}  // namespace emulator
