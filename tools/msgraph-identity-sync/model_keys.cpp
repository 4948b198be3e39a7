#include "model_keys.hpp"

#include "cli_error.hpp"
#include "text.hpp"

namespace msgraph_cli {

namespace {

// The library does not publish its field lists, so these mirror the models' JSON names.
KeySchema makeIdentityKeys() {
  static constexpr std::string_view kNames[] = {
      "activityBasedTimeoutPolicyId",
      "appManagementPolicyId",
      "authenticationCombinationConfigurationId",
      "authenticationConditionApplicationAppId",
      "authenticationContextClassReferenceId",
      "authenticationEventListenerId",
      "authenticationEventsFlowId",
      "authenticationMethodConfigurationId",
      "authenticationMethodId",
      "authenticationMethodModeDetailId",
      "authenticationStrengthPolicyId",
      "b2xIdentityUserFlowId",
      "bitlockerRecoveryKeyId",
      "certificateBasedAuthConfigurationId",
      "claimsMappingPolicyId",
      "conditionalAccessPolicyId",
      "conditionalAccessTemplateId",
      "crossTenantAccessPolicyConfigurationPartnerTenantId",
      "customAuthenticationExtensionId",
      "dataPolicyOperationId",
      "directoryObjectId",
      "emailAuthenticationMethodId",
      "featureRolloutPolicyId",
      "fido2AuthenticationMethodId",
      "homeRealmDiscoveryPolicyId",
      "identityApiConnectorId",
      "identityProviderBaseId",
      "identityProviderId",
      "identityUserFlowAttributeAssignmentId",
      "identityUserFlowAttributeId",
      "longRunningOperationId",
      "microsoftAuthenticatorAuthenticationMethodId",
      "multiTenantOrganizationMemberId",
      "namedLocationId",
      "oAuth2PermissionGrantId",
      "organizationId",
      "passwordAuthenticationMethodId",
      "permissionGrantConditionSetId",
      "permissionGrantPolicyId",
      "phoneAuthenticationMethodId",
      "riskDetectionId",
      "riskyServicePrincipalHistoryItemId",
      "riskyServicePrincipalId",
      "riskyUserHistoryItemId",
      "riskyUserId",
      "servicePrincipalRiskDetectionId",
      "softwareOathAuthenticationMethodId",
      "temporaryAccessPassAuthenticationMethodId",
      "threatAssessmentRequestId",
      "threatAssessmentResultId",
      "tokenIssuancePolicyId",
      "tokenLifetimePolicyId",
      "unifiedRoleManagementPolicyAssignmentId",
      "unifiedRoleManagementPolicyId",
      "unifiedRoleManagementPolicyRuleId",
      "userFlowLanguageConfigurationId",
      "userFlowLanguagePageId",
      "userId",
      "windowsHelloForBusinessAuthenticationMethodId",
  };
  KeySchema schema;
  for (std::string_view name : kNames) schema.push_back({name, {}});
  return schema;
}

const KeyNode* findKey(const KeySchema& schema, std::string_view key) {
  for (const KeyNode& node : schema) {
    if (equalsIgnoreCase(node.name, key)) return &node;
  }
  return nullptr;
}

}  // namespace

const KeySchema& identityKeys() {
  static const KeySchema keys = makeIdentityKeys();
  return keys;
}

const KeySchema& userSyncInboundKeys() {
  static const KeySchema keys = {{"isSyncAllowed", {}}};
  return keys;
}

const KeySchema& policyPartnerKeys() {
  static const KeySchema keys = {
      {"displayName", {}},
      {"tenantId", {}},
      {"userSyncInbound", userSyncInboundKeys()},
      {"externalCloudAuthorizedApplicationId", {}},
      {"deletedDateTime", {}},
      {"groupSyncInbound", {{"isSyncAllowed", {}}}},
  };
  return keys;
}

msgraph::Json canonicalKeys(const msgraph::Json& object, const KeySchema& schema,
                            std::string_view option, const std::string& pointer) {
  if (!object.isObject()) return object;
  msgraph::Json result = msgraph::Json::object();
  for (const auto& [key, value] : object.asObject()) {
    const KeyNode* node = findKey(schema, key);
    const std::string name = node != nullptr ? std::string(node->name) : key;
    if (result.find(name) != nullptr) {
      throw UsageError(std::string(option) + ": '" + pointer + "/" + name +
                       "' is given twice (keys are case-insensitive)");
    }
    const bool nested = node != nullptr && !node->children.empty();
    result.set(name, nested ? canonicalKeys(value, node->children, option, pointer + "/" + name)
                            : value);
  }
  return result;
}

}  // namespace msgraph_cli
