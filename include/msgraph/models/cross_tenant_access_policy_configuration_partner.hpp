// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/models/inbound_outbound_policy_configuration.hpp"
#include "msgraph/models/property.hpp"

namespace msgraph::models {

/// @brief `crossTenantAccessPolicyConfigurationPartner`: the partner-specific configuration of
/// the cross-tenant access policy, at `/policies/crossTenantAccessPolicy/partners/{tenantId}`.
/// A partner's identity synchronization policy is contained in it.
///
/// The properties an onboarding job reads and sets are typed. Everything else Graph sends
/// (`b2bCollaborationInbound`, `b2bCollaborationOutbound`, `b2bDirectConnectInbound`,
/// `b2bDirectConnectOutbound`, `inboundTrust`, `tenantRestrictions`, `@odata.*` annotations, ...)
/// is kept losslessly in `additionalProperties` and written back. Every property may be absent,
/// null or a value (see `Property`), so a PATCH sends only what is set.
struct MSGRAPH_API CrossTenantAccessPolicyConfigurationPartner {
  /// @brief The partner tenant's id: the key, required when the configuration is created.
  Property<std::string> tenantId;
  /// @brief Whether the partner is a cloud service provider for this tenant.
  Property<bool> isServiceProvider;
  /// @brief Whether the partner is in this tenant's multitenant organization. Read-only.
  Property<bool> isInMultiTenantOrganization;
  /// @brief Whether users of the partner are consented automatically to cross-tenant
  /// synchronization (`inboundAllowed` on the target tenant's side).
  Property<InboundOutboundPolicyConfiguration> automaticUserConsentSettings;
  /// @brief The partner's identity synchronization policy, when read with
  /// `$expand=identitySynchronization` (null when the partner has none).
  Property<IdentitySyncPolicyPartner> identitySynchronization;
  /// @brief Keys not modelled above, in insertion order. A key that names a typed property (in any
  /// case, see `namesProperty`) is a `ValidationError` when serializing.
  JsonObject additionalProperties;

  /// @brief Reads the model from a JSON object, as Graph sends it.
  /// @throws DeserializationError for invalid JSON or a typed field of the wrong type (the
  /// error names the JSON pointer, e.g. `/automaticUserConsentSettings/inboundAllowed`).
  static CrossTenantAccessPolicyConfigurationPartner fromJson(std::string_view json);
  /// @brief Writes the model as compact JSON: set properties in declaration order, then
  /// `additionalProperties`.
  /// @throws ValidationError for a colliding `additionalProperties` key, a string that is not
  /// UTF-8, or a non-finite number.
  std::string toJson() const;
  /// @brief The JSON names of the typed properties, in serialization order.
  static const std::vector<std::string_view>& propertyNames();
  /// @brief Equal properties and additional properties.
  friend MSGRAPH_API bool operator==(const CrossTenantAccessPolicyConfigurationPartner& a,
                                     const CrossTenantAccessPolicyConfigurationPartner& b);
  /// @brief Not `==`.
  friend bool operator!=(const CrossTenantAccessPolicyConfigurationPartner& a,
                         const CrossTenantAccessPolicyConfigurationPartner& b) {
    return !(a == b);
  }
};

}  // namespace msgraph::models
