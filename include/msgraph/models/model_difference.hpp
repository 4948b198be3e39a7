// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

namespace msgraph::models {

/// @brief What a PATCH must send to turn a resource as it is into the resource as desired: the
/// comparison behind `ensure()`, public so that a plan made elsewhere (the tool's `plan` and
/// `drift`) says exactly what an ensure would write.
template <typename Model>
struct Difference {
  /// @brief Only the differing properties of the desired model: the body of the PATCH.
  Model patch;
  /// @brief The JSON pointers of the differing properties, in serialization order
  /// (`/displayName`, `/userSyncInbound/isSyncAllowed`, then additional properties).
  std::vector<std::string> changed;

  /// @brief Whether nothing differs (no write is needed).
  bool empty() const noexcept { return changed.empty(); }
};

/// @brief The difference between a desired policy and the current one, as ensure sees it:
/// - a property absent from `desired` is left alone: only what the desired state sets counts;
/// - an explicit null clears: it differs from any value, not from null or absence;
/// - a nested object (`userSyncInbound`) is compared property by property, and only its
///   differing properties are in the patch (PATCH merges complex values);
/// - `tenantId` and `deletedDateTime` (set by the service) are never compared;
/// - additional properties compare as JSON values, their names matched as Graph matches
///   property names (ASCII case ignored, see `namesProperty`); `@odata.*` annotations are
///   ignored.
/// Costs one walk of the desired model's properties; allocates only for what differs.
MSGRAPH_API Difference<IdentitySyncPolicyPartner> difference(
    const IdentitySyncPolicyPartner& desired, const IdentitySyncPolicyPartner& current);

/// @brief The difference between a desired partner configuration and the current one, by the
/// same rules; `identitySynchronization`, too, is compared only when `desired` sets it.
MSGRAPH_API Difference<CrossTenantAccessPolicyConfigurationPartner> difference(
    const CrossTenantAccessPolicyConfigurationPartner& desired,
    const CrossTenantAccessPolicyConfigurationPartner& current);

}  // namespace msgraph::models
