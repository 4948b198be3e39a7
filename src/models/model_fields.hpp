// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/models/group_sync_inbound.hpp"
#include "msgraph/models/identity.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/models/inbound_outbound_policy_configuration.hpp"
#include "msgraph/models/user_sync_inbound.hpp"

namespace msgraph::detail {

/// The typed properties of each model, in serialization order, with their JSON names: the one
/// list that reading, writing and comparing all walk. `each(f, m...)` calls
/// `f(name, m.property...)` for every property, on one model or on several side by side.
template <typename Model>
struct Fields;

// crossTenantUserSyncInbound and crossTenantGroupSyncInbound have the same shape.
struct SyncInboundFields {
  template <typename F, typename... Self>
  static void each(F&& f, Self&... m) {
    f("isSyncAllowed", m.isSyncAllowed...);
  }
};

template <>
struct Fields<models::UserSyncInbound> : SyncInboundFields {
  static constexpr const char* kName = "UserSyncInbound";
};

template <>
struct Fields<models::GroupSyncInbound> : SyncInboundFields {
  static constexpr const char* kName = "GroupSyncInbound";
};

template <>
struct Fields<models::IdentitySyncPolicyPartner> {
  static constexpr const char* kName = "IdentitySyncPolicyPartner";
  template <typename F, typename... Self>
  static void each(F&& f, Self&... m) {
    f("displayName", m.displayName...);
    f("tenantId", m.tenantId...);
    f("userSyncInbound", m.userSyncInbound...);
    f("externalCloudAuthorizedApplicationId", m.externalCloudAuthorizedApplicationId...);
    f("deletedDateTime", m.deletedDateTime...);
    f("groupSyncInbound", m.groupSyncInbound...);
  }
};

template <>
struct Fields<models::InboundOutboundPolicyConfiguration> {
  static constexpr const char* kName = "InboundOutboundPolicyConfiguration";
  template <typename F, typename... Self>
  static void each(F&& f, Self&... m) {
    f("inboundAllowed", m.inboundAllowed...);
    f("outboundAllowed", m.outboundAllowed...);
  }
};

template <>
struct Fields<models::CrossTenantAccessPolicyConfigurationPartner> {
  static constexpr const char* kName = "CrossTenantAccessPolicyConfigurationPartner";
  template <typename F, typename... Self>
  static void each(F&& f, Self&... m) {
    f("tenantId", m.tenantId...);
    f("isServiceProvider", m.isServiceProvider...);
    f("isInMultiTenantOrganization", m.isInMultiTenantOrganization...);
    f("automaticUserConsentSettings", m.automaticUserConsentSettings...);
    f("identitySynchronization", m.identitySynchronization...);
  }
};

template <>
struct Fields<models::Identity> {
  static constexpr const char* kName = "Identity";
  template <typename F, typename... Self>
  static void each(F&& f, Self&... m) {
    f("activityBasedTimeoutPolicyId", m.activityBasedTimeoutPolicyId...);
    f("appManagementPolicyId", m.appManagementPolicyId...);
    f("authenticationCombinationConfigurationId", m.authenticationCombinationConfigurationId...);
    f("authenticationConditionApplicationAppId", m.authenticationConditionApplicationAppId...);
    f("authenticationContextClassReferenceId", m.authenticationContextClassReferenceId...);
    f("authenticationEventListenerId", m.authenticationEventListenerId...);
    f("authenticationEventsFlowId", m.authenticationEventsFlowId...);
    f("authenticationMethodConfigurationId", m.authenticationMethodConfigurationId...);
    f("authenticationMethodId", m.authenticationMethodId...);
    f("authenticationMethodModeDetailId", m.authenticationMethodModeDetailId...);
    f("authenticationStrengthPolicyId", m.authenticationStrengthPolicyId...);
    f("b2xIdentityUserFlowId", m.b2xIdentityUserFlowId...);
    f("bitlockerRecoveryKeyId", m.bitlockerRecoveryKeyId...);
    f("certificateBasedAuthConfigurationId", m.certificateBasedAuthConfigurationId...);
    f("claimsMappingPolicyId", m.claimsMappingPolicyId...);
    f("conditionalAccessPolicyId", m.conditionalAccessPolicyId...);
    f("conditionalAccessTemplateId", m.conditionalAccessTemplateId...);
    f("crossTenantAccessPolicyConfigurationPartnerTenantId",
      m.crossTenantAccessPolicyConfigurationPartnerTenantId...);
    f("customAuthenticationExtensionId", m.customAuthenticationExtensionId...);
    f("dataPolicyOperationId", m.dataPolicyOperationId...);
    f("directoryObjectId", m.directoryObjectId...);
    f("emailAuthenticationMethodId", m.emailAuthenticationMethodId...);
    f("featureRolloutPolicyId", m.featureRolloutPolicyId...);
    f("fido2AuthenticationMethodId", m.fido2AuthenticationMethodId...);
    f("homeRealmDiscoveryPolicyId", m.homeRealmDiscoveryPolicyId...);
    f("identityApiConnectorId", m.identityApiConnectorId...);
    f("identityProviderBaseId", m.identityProviderBaseId...);
    f("identityProviderId", m.identityProviderId...);
    f("identityUserFlowAttributeAssignmentId", m.identityUserFlowAttributeAssignmentId...);
    f("identityUserFlowAttributeId", m.identityUserFlowAttributeId...);
    f("longRunningOperationId", m.longRunningOperationId...);
    f("microsoftAuthenticatorAuthenticationMethodId",
      m.microsoftAuthenticatorAuthenticationMethodId...);
    f("multiTenantOrganizationMemberId", m.multiTenantOrganizationMemberId...);
    f("namedLocationId", m.namedLocationId...);
    f("oAuth2PermissionGrantId", m.oAuth2PermissionGrantId...);
    f("organizationId", m.organizationId...);
    f("passwordAuthenticationMethodId", m.passwordAuthenticationMethodId...);
    f("permissionGrantConditionSetId", m.permissionGrantConditionSetId...);
    f("permissionGrantPolicyId", m.permissionGrantPolicyId...);
    f("phoneAuthenticationMethodId", m.phoneAuthenticationMethodId...);
    f("riskDetectionId", m.riskDetectionId...);
    f("riskyServicePrincipalHistoryItemId", m.riskyServicePrincipalHistoryItemId...);
    f("riskyServicePrincipalId", m.riskyServicePrincipalId...);
    f("riskyUserHistoryItemId", m.riskyUserHistoryItemId...);
    f("riskyUserId", m.riskyUserId...);
    f("servicePrincipalRiskDetectionId", m.servicePrincipalRiskDetectionId...);
    f("softwareOathAuthenticationMethodId", m.softwareOathAuthenticationMethodId...);
    f("temporaryAccessPassAuthenticationMethodId", m.temporaryAccessPassAuthenticationMethodId...);
    f("threatAssessmentRequestId", m.threatAssessmentRequestId...);
    f("threatAssessmentResultId", m.threatAssessmentResultId...);
    f("tokenIssuancePolicyId", m.tokenIssuancePolicyId...);
    f("tokenLifetimePolicyId", m.tokenLifetimePolicyId...);
    f("unifiedRoleManagementPolicyAssignmentId", m.unifiedRoleManagementPolicyAssignmentId...);
    f("unifiedRoleManagementPolicyId", m.unifiedRoleManagementPolicyId...);
    f("unifiedRoleManagementPolicyRuleId", m.unifiedRoleManagementPolicyRuleId...);
    f("userFlowLanguageConfigurationId", m.userFlowLanguageConfigurationId...);
    f("userFlowLanguagePageId", m.userFlowLanguagePageId...);
    f("userId", m.userId...);
    f("windowsHelloForBusinessAuthenticationMethodId",
      m.windowsHelloForBusinessAuthenticationMethodId...);
  }
};

}  // namespace msgraph::detail
