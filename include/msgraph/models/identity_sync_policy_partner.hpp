// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/group_sync_inbound.hpp"
#include "msgraph/models/property.hpp"
#include "msgraph/models/user_sync_inbound.hpp"

namespace msgraph::models {

/// @brief `crossTenantIdentitySyncPolicyPartner`: a partner's cross-tenant identity
/// synchronization policy, the body of Set-/Update- and the result of Get-.
///
/// v1.0 has `displayName`, `tenantId` and `userSyncInbound`; the beta API adds
/// `externalCloudAuthorizedApplicationId`, `deletedDateTime` and `groupSyncInbound`. Every
/// property may be absent, null or a value (see `Property`). Open type: unknown keys, such as
/// `@odata.context` and `@odata.type`, land in `additionalProperties` and are written back.
struct MSGRAPH_API IdentitySyncPolicyPartner {
  /// @brief Display name of the policy; use the partner tenant's name to identify it.
  Property<std::string> displayName;
  /// @brief Tenant id of the partner Microsoft Entra organization. Read-only on the service.
  Property<std::string> tenantId;
  /// @brief Whether users are synchronized in from the partner.
  Property<UserSyncInbound> userSyncInbound;
  /// @brief (beta) Application id authorized for cross-cloud synchronization.
  Property<std::string> externalCloudAuthorizedApplicationId;
  /// @brief (beta) When the policy was soft-deleted, ISO 8601 (e.g. `2025-06-18T23:14:25Z`).
  Property<std::string> deletedDateTime;
  /// @brief (beta) Whether groups are synchronized in from the partner.
  Property<GroupSyncInbound> groupSyncInbound;
  /// @brief Keys not modelled above, in insertion order. A key that names a typed property (in any
  /// case, see `namesProperty`) is a `ValidationError` when serializing.
  JsonObject additionalProperties;

  /// @brief Reads the model from a JSON object, as Graph sends it.
  /// @throws DeserializationError for invalid JSON or a typed field of the wrong type (the
  /// error names the JSON pointer, e.g. `/userSyncInbound/isSyncAllowed`).
  static IdentitySyncPolicyPartner fromJson(std::string_view json);
  /// @brief Writes the model as compact JSON: set properties in declaration order, then
  /// `additionalProperties`.
  /// @throws ValidationError for a colliding `additionalProperties` key, a string that is not
  /// UTF-8, or a non-finite number.
  std::string toJson() const;
  /// @brief The JSON names of the typed properties, in serialization order (what
  /// `additionalProperties` must not repeat). Tools match keys to it with `namesProperty`.
  static const std::vector<std::string_view>& propertyNames();

  /// @brief Equal properties and additional properties.
  friend MSGRAPH_API bool operator==(const IdentitySyncPolicyPartner& a,
                                     const IdentitySyncPolicyPartner& b);
  /// @brief Not `==`.
  friend bool operator!=(const IdentitySyncPolicyPartner& a, const IdentitySyncPolicyPartner& b) {
    return !(a == b);
  }
};

}  // namespace msgraph::models
