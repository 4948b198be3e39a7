// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace emulator {

/// The application permission that lets an app read the policies.
inline constexpr std::string_view kPolicyReadAll = "Policy.Read.All";
/// The application permission that lets an app read and change the policies.
inline constexpr std::string_view kPolicyReadWrite = "Policy.ReadWrite.CrossTenantAccess";

/// The application permissions (app roles) granted to an app with `--app-role`. None means
/// full access, as every app had before roles could be granted.
using AppRoles = std::vector<std::string>;

/// Whether `role` is one of the permissions above.
bool isKnownAppRole(std::string_view role);

/// Whether `roles` allow `method` on the policy resources: GET needs Policy.Read.All or
/// Policy.ReadWrite.CrossTenantAccess, every other method the latter.
bool rolesAllow(const AppRoles& roles, std::string_view method);

}  // namespace emulator
