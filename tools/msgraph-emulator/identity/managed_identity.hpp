// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "identity/app_roles.hpp"

namespace emulator {

/// The client id of the system-assigned identity (`--managed-identity` without a value). A
/// real one is made when the identity is enabled; the emulator's is fixed, so that a test can
/// grant it roles with `--app-role` before it starts.
inline constexpr std::string_view kSystemAssignedClientId = "7d2f4b1e-8c3a-4e6d-9f05-a1b2c3d4e5f6";

/// How long a managed identity's token lasts here: as an app token (the platform's own
/// lifetime is not documented for these endpoints).
inline constexpr std::chrono::seconds kManagedIdentityTokenLifetime{3599};

/// The tenant a managed identity's token is for (its throttling and policy store key): the
/// emulated host's one tenant, the nil GUID, as for tokens not issued here.
inline constexpr const char* kManagedIdentityTenant = "00000000-0000-0000-0000-000000000000";

/// A managed identity of the emulated host: the service principal in the emulator's tenant
/// that the managed identity endpoint issues tokens for.
struct ManagedIdentity {
  bool systemAssigned = false;
  std::string clientId;
  /// The service principal's object id (`principal_id` or `object_id` in a token request):
  /// derived from the client id, so the same on every start.
  std::string principalId;
  /// The Azure resource id (`mi_res_id`): a user-assigned identity's own resource, or for the
  /// system-assigned identity the App Service site it belongs to (not usable as `mi_res_id`).
  std::string resourceId;
  /// The application permissions granted with `--app-role CLIENT_ID:ROLE`; none means full
  /// access, as for apps.
  AppRoles roles;
};

/// The system-assigned identity when `userAssignedClientId` is nullopt, else the user-assigned
/// identity with that client id, with its ids derived as ManagedIdentity describes.
ManagedIdentity makeManagedIdentity(const std::optional<std::string>& userAssignedClientId);

}  // namespace emulator
