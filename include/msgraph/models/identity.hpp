// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/property.hpp"

namespace msgraph::models {

/// @brief The identity of a resource, the cmdlet's `-InputObject` (`IIdentitySignInsIdentity`).
///
/// Holds every key of the PowerShell identity type, each an optional string. This resource
/// reads `crossTenantAccessPolicyConfigurationPartnerTenantId`; the others are kept so that an
/// identity object produced for another cmdlet can be passed along unchanged. JSON keys are the
/// camelCase forms of the PowerShell names (`CrossTenantAccessPolicyConfigurationPartnerTenantId`
/// is `crossTenantAccessPolicyConfigurationPartnerTenantId`).
struct MSGRAPH_API Identity {
  /// @brief The unique identifier of activityBasedTimeoutPolicy (`ActivityBasedTimeoutPolicyId`).
  Property<std::string> activityBasedTimeoutPolicyId;
  /// @brief The unique identifier of appManagementPolicy (`AppManagementPolicyId`).
  Property<std::string> appManagementPolicyId;
  /// @brief The unique identifier of authenticationCombinationConfiguration
  /// (`AuthenticationCombinationConfigurationId`).
  Property<std::string> authenticationCombinationConfigurationId;
  /// @brief The unique identifier of authenticationConditionApplication
  /// (`AuthenticationConditionApplicationAppId`).
  Property<std::string> authenticationConditionApplicationAppId;
  /// @brief The unique identifier of authenticationContextClassReference
  /// (`AuthenticationContextClassReferenceId`).
  Property<std::string> authenticationContextClassReferenceId;
  /// @brief The unique identifier of authenticationEventListener (`AuthenticationEventListenerId`).
  Property<std::string> authenticationEventListenerId;
  /// @brief The unique identifier of authenticationEventsFlow (`AuthenticationEventsFlowId`).
  Property<std::string> authenticationEventsFlowId;
  /// @brief The unique identifier of authenticationMethodConfiguration
  /// (`AuthenticationMethodConfigurationId`).
  Property<std::string> authenticationMethodConfigurationId;
  /// @brief The unique identifier of authenticationMethod (`AuthenticationMethodId`).
  Property<std::string> authenticationMethodId;
  /// @brief The unique identifier of authenticationMethodModeDetail
  /// (`AuthenticationMethodModeDetailId`).
  Property<std::string> authenticationMethodModeDetailId;
  /// @brief The unique identifier of authenticationStrengthPolicy
  /// (`AuthenticationStrengthPolicyId`).
  Property<std::string> authenticationStrengthPolicyId;
  /// @brief The unique identifier of b2xIdentityUserFlow (`B2XIdentityUserFlowId`).
  Property<std::string> b2xIdentityUserFlowId;
  /// @brief The unique identifier of bitlockerRecoveryKey (`BitlockerRecoveryKeyId`).
  Property<std::string> bitlockerRecoveryKeyId;
  /// @brief The unique identifier of certificateBasedAuthConfiguration
  /// (`CertificateBasedAuthConfigurationId`).
  Property<std::string> certificateBasedAuthConfigurationId;
  /// @brief The unique identifier of claimsMappingPolicy (`ClaimsMappingPolicyId`).
  Property<std::string> claimsMappingPolicyId;
  /// @brief The unique identifier of conditionalAccessPolicy (`ConditionalAccessPolicyId`).
  Property<std::string> conditionalAccessPolicyId;
  /// @brief The unique identifier of conditionalAccessTemplate (`ConditionalAccessTemplateId`).
  Property<std::string> conditionalAccessTemplateId;
  /// @brief The unique identifier of crossTenantAccessPolicyConfigurationPartner
  /// (`CrossTenantAccessPolicyConfigurationPartnerTenantId`).
  Property<std::string> crossTenantAccessPolicyConfigurationPartnerTenantId;
  /// @brief The unique identifier of customAuthenticationExtension
  /// (`CustomAuthenticationExtensionId`).
  Property<std::string> customAuthenticationExtensionId;
  /// @brief The unique identifier of dataPolicyOperation (`DataPolicyOperationId`).
  Property<std::string> dataPolicyOperationId;
  /// @brief The unique identifier of directoryObject (`DirectoryObjectId`).
  Property<std::string> directoryObjectId;
  /// @brief The unique identifier of emailAuthenticationMethod (`EmailAuthenticationMethodId`).
  Property<std::string> emailAuthenticationMethodId;
  /// @brief The unique identifier of featureRolloutPolicy (`FeatureRolloutPolicyId`).
  Property<std::string> featureRolloutPolicyId;
  /// @brief The unique identifier of fido2AuthenticationMethod (`Fido2AuthenticationMethodId`).
  Property<std::string> fido2AuthenticationMethodId;
  /// @brief The unique identifier of homeRealmDiscoveryPolicy (`HomeRealmDiscoveryPolicyId`).
  Property<std::string> homeRealmDiscoveryPolicyId;
  /// @brief The unique identifier of identityApiConnector (`IdentityApiConnectorId`).
  Property<std::string> identityApiConnectorId;
  /// @brief The unique identifier of identityProviderBase (`IdentityProviderBaseId`).
  Property<std::string> identityProviderBaseId;
  /// @brief The unique identifier of identityProvider (`IdentityProviderId`).
  Property<std::string> identityProviderId;
  /// @brief The unique identifier of identityUserFlowAttributeAssignment
  /// (`IdentityUserFlowAttributeAssignmentId`).
  Property<std::string> identityUserFlowAttributeAssignmentId;
  /// @brief The unique identifier of identityUserFlowAttribute (`IdentityUserFlowAttributeId`).
  Property<std::string> identityUserFlowAttributeId;
  /// @brief The unique identifier of longRunningOperation (`LongRunningOperationId`).
  Property<std::string> longRunningOperationId;
  /// @brief The unique identifier of microsoftAuthenticatorAuthenticationMethod
  /// (`MicrosoftAuthenticatorAuthenticationMethodId`).
  Property<std::string> microsoftAuthenticatorAuthenticationMethodId;
  /// @brief The unique identifier of multiTenantOrganizationMember
  /// (`MultiTenantOrganizationMemberId`).
  Property<std::string> multiTenantOrganizationMemberId;
  /// @brief The unique identifier of namedLocation (`NamedLocationId`).
  Property<std::string> namedLocationId;
  /// @brief The unique identifier of oAuth2PermissionGrant (`OAuth2PermissionGrantId`).
  Property<std::string> oAuth2PermissionGrantId;
  /// @brief The unique identifier of organization (`OrganizationId`).
  Property<std::string> organizationId;
  /// @brief The unique identifier of passwordAuthenticationMethod
  /// (`PasswordAuthenticationMethodId`).
  Property<std::string> passwordAuthenticationMethodId;
  /// @brief The unique identifier of permissionGrantConditionSet (`PermissionGrantConditionSetId`).
  Property<std::string> permissionGrantConditionSetId;
  /// @brief The unique identifier of permissionGrantPolicy (`PermissionGrantPolicyId`).
  Property<std::string> permissionGrantPolicyId;
  /// @brief The unique identifier of phoneAuthenticationMethod (`PhoneAuthenticationMethodId`).
  Property<std::string> phoneAuthenticationMethodId;
  /// @brief The unique identifier of riskDetection (`RiskDetectionId`).
  Property<std::string> riskDetectionId;
  /// @brief The unique identifier of riskyServicePrincipalHistoryItem
  /// (`RiskyServicePrincipalHistoryItemId`).
  Property<std::string> riskyServicePrincipalHistoryItemId;
  /// @brief The unique identifier of riskyServicePrincipal (`RiskyServicePrincipalId`).
  Property<std::string> riskyServicePrincipalId;
  /// @brief The unique identifier of riskyUserHistoryItem (`RiskyUserHistoryItemId`).
  Property<std::string> riskyUserHistoryItemId;
  /// @brief The unique identifier of riskyUser (`RiskyUserId`).
  Property<std::string> riskyUserId;
  /// @brief The unique identifier of servicePrincipalRiskDetection
  /// (`ServicePrincipalRiskDetectionId`).
  Property<std::string> servicePrincipalRiskDetectionId;
  /// @brief The unique identifier of softwareOathAuthenticationMethod
  /// (`SoftwareOathAuthenticationMethodId`).
  Property<std::string> softwareOathAuthenticationMethodId;
  /// @brief The unique identifier of temporaryAccessPassAuthenticationMethod
  /// (`TemporaryAccessPassAuthenticationMethodId`).
  Property<std::string> temporaryAccessPassAuthenticationMethodId;
  /// @brief The unique identifier of threatAssessmentRequest (`ThreatAssessmentRequestId`).
  Property<std::string> threatAssessmentRequestId;
  /// @brief The unique identifier of threatAssessmentResult (`ThreatAssessmentResultId`).
  Property<std::string> threatAssessmentResultId;
  /// @brief The unique identifier of tokenIssuancePolicy (`TokenIssuancePolicyId`).
  Property<std::string> tokenIssuancePolicyId;
  /// @brief The unique identifier of tokenLifetimePolicy (`TokenLifetimePolicyId`).
  Property<std::string> tokenLifetimePolicyId;
  /// @brief The unique identifier of unifiedRoleManagementPolicyAssignment
  /// (`UnifiedRoleManagementPolicyAssignmentId`).
  Property<std::string> unifiedRoleManagementPolicyAssignmentId;
  /// @brief The unique identifier of unifiedRoleManagementPolicy (`UnifiedRoleManagementPolicyId`).
  Property<std::string> unifiedRoleManagementPolicyId;
  /// @brief The unique identifier of unifiedRoleManagementPolicyRule
  /// (`UnifiedRoleManagementPolicyRuleId`).
  Property<std::string> unifiedRoleManagementPolicyRuleId;
  /// @brief The unique identifier of userFlowLanguageConfiguration
  /// (`UserFlowLanguageConfigurationId`).
  Property<std::string> userFlowLanguageConfigurationId;
  /// @brief The unique identifier of userFlowLanguagePage (`UserFlowLanguagePageId`).
  Property<std::string> userFlowLanguagePageId;
  /// @brief The unique identifier of user (`UserId`).
  Property<std::string> userId;
  /// @brief The unique identifier of windowsHelloForBusinessAuthenticationMethod
  /// (`WindowsHelloForBusinessAuthenticationMethodId`).
  Property<std::string> windowsHelloForBusinessAuthenticationMethodId;
  /// @brief Keys not modelled above, in insertion order.
  JsonObject additionalProperties;

  /// @brief Reads an identity from a JSON object with camelCase keys.
  /// @throws DeserializationError for invalid JSON or a non-string value of a known key.
  static Identity fromJson(std::string_view json);
  /// @brief Writes the identity as compact JSON (set keys only).
  /// @throws ValidationError for a colliding `additionalProperties` key or invalid UTF-8.
  std::string toJson() const;
  /// @brief The JSON names of the typed properties, in serialization order (what
  /// `additionalProperties` must not repeat). Tools match keys to it with `namesProperty`.
  static const std::vector<std::string_view>& propertyNames();

  /// @brief Equal keys and additional properties.
  friend MSGRAPH_API bool operator==(const Identity& a, const Identity& b);
  /// @brief Not `==`.
  friend bool operator!=(const Identity& a, const Identity& b) { return !(a == b); }
};

}  // namespace msgraph::models
