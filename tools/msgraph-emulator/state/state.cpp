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

bool State::purgeDeletedBefore(std::int64_t cutoff) {
  bool purged = false;
  for (auto it = deletedPolicies.begin(); it != deletedPolicies.end();) {
    if (it->second.deletedAt < cutoff) {
      it = deletedPolicies.erase(it);
      purged = true;
    } else {
      ++it;
    }
  }
  return purged;
}

}  // namespace emulator
