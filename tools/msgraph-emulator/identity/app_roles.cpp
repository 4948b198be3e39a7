// SPDX-License-Identifier: MIT
#include "identity/app_roles.hpp"

#include <algorithm>

namespace emulator {

bool isKnownAppRole(std::string_view role) {
  return role == kPolicyReadAll || role == kPolicyReadWrite;
}

bool rolesAllow(const AppRoles& roles, std::string_view method) {
  const auto has = [&](std::string_view role) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  };
  return roles.empty() || has(kPolicyReadWrite) || (method == "GET" && has(kPolicyReadAll));
}

}  // namespace emulator
