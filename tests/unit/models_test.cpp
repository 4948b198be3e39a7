// SPDX-License-Identifier: MIT
// Specification of the models: IdentitySyncPolicyPartner, UserSyncInbound, GroupSyncInbound,
// Identity, and the absent / null / value Property they are made of.
#include <catch2/catch.hpp>

#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/group_sync_inbound.hpp"
#include "msgraph/models/identity.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/models/property.hpp"
#include "msgraph/models/user_sync_inbound.hpp"

using Catch::Matchers::Contains;
using msgraph::DeserializationError;
using msgraph::Json;
using msgraph::JsonObject;
using msgraph::ValidationError;
using msgraph::models::GroupSyncInbound;
using msgraph::models::Identity;
using msgraph::models::IdentitySyncPolicyPartner;
using msgraph::models::Property;
using msgraph::models::UserSyncInbound;

namespace {

constexpr const char* kTenant = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

template <typename T>
std::string stateOf(const Property<T>& property) {
  if (property.isAbsent()) return "absent";
  return property.isNull() ? "null" : "value";
}

template <typename Model>
DeserializationError readError(std::string_view text) {
  try {
    (void)Model::fromJson(text);
  } catch (const DeserializationError& e) {
    return e;
  }
  FAIL("fromJson accepted: " << text.substr(0, 80));
  throw std::logic_error("unreachable");
}

template <typename Model>
ValidationError writeError(const Model& model) {
  try {
    (void)model.toJson();
  } catch (const ValidationError& e) {
    return e;
  }
  FAIL("toJson accepted the model");
  throw std::logic_error("unreachable");
}

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// One typed property of IdentitySyncPolicyPartner, with a sample value, for table-driven tests.
struct PartnerField {
  const char* name;
  const char* sampleJson;  // the sample value as compact JSON
  void (*setNull)(IdentitySyncPolicyPartner&);
  void (*setSample)(IdentitySyncPolicyPartner&);
  std::string (*state)(const IdentitySyncPolicyPartner&);
  bool (*holdsSample)(const IdentitySyncPolicyPartner&);
};

UserSyncInbound userSync(bool allowed) {
  UserSyncInbound inbound;
  inbound.isSyncAllowed = allowed;
  return inbound;
}

GroupSyncInbound groupSync(bool allowed) {
  GroupSyncInbound inbound;
  inbound.isSyncAllowed = allowed;
  return inbound;
}

// Every typed property, in declaration (= serialization) order.
const std::vector<PartnerField>& partnerFields() {
  using P = IdentitySyncPolicyPartner;
  static const std::vector<PartnerField> fields = {
      {"displayName", R"("Fabrikam")", [](P& p) { p.displayName = nullptr; },
       [](P& p) { p.displayName = "Fabrikam"; }, [](const P& p) { return stateOf(p.displayName); },
       [](const P& p) { return p.displayName == Property<std::string>("Fabrikam"); }},
      {"tenantId", R"("9c5d131d-b1c3-4fc4-9e3f-c6557947d551")", [](P& p) { p.tenantId = nullptr; },
       [](P& p) { p.tenantId = kTenant; }, [](const P& p) { return stateOf(p.tenantId); },
       [](const P& p) { return p.tenantId == Property<std::string>(kTenant); }},
      {"userSyncInbound", R"({"isSyncAllowed":true})", [](P& p) { p.userSyncInbound = nullptr; },
       [](P& p) { p.userSyncInbound = userSync(true); },
       [](const P& p) { return stateOf(p.userSyncInbound); },
       [](const P& p) { return p.userSyncInbound == Property<UserSyncInbound>(userSync(true)); }},
      {"externalCloudAuthorizedApplicationId", R"("00000000-0000-0000-0000-0000000000ab")",
       [](P& p) { p.externalCloudAuthorizedApplicationId = nullptr; },
       [](P& p) {
         p.externalCloudAuthorizedApplicationId = "00000000-0000-0000-0000-0000000000ab";
       },
       [](const P& p) { return stateOf(p.externalCloudAuthorizedApplicationId); },
       [](const P& p) {
         return p.externalCloudAuthorizedApplicationId ==
                Property<std::string>("00000000-0000-0000-0000-0000000000ab");
       }},
      {"deletedDateTime", R"("2025-06-18T23:14:25Z")", [](P& p) { p.deletedDateTime = nullptr; },
       [](P& p) { p.deletedDateTime = "2025-06-18T23:14:25Z"; },
       [](const P& p) { return stateOf(p.deletedDateTime); },
       [](const P& p) {
         return p.deletedDateTime == Property<std::string>("2025-06-18T23:14:25Z");
       }},
      {"groupSyncInbound", R"({"isSyncAllowed":false})", [](P& p) { p.groupSyncInbound = nullptr; },
       [](P& p) { p.groupSyncInbound = groupSync(false); },
       [](const P& p) { return stateOf(p.groupSyncInbound); },
       [](const P& p) {
         return p.groupSyncInbound == Property<GroupSyncInbound>(groupSync(false));
       }},
  };
  return fields;
}

// Every key of Identity with its member, in declaration (= serialization) order.
struct IdentityField {
  const char* name;
  Property<std::string> Identity::*member;
};

const std::vector<IdentityField>& identityFields() {
  static const std::vector<IdentityField> fields = {
      {"activityBasedTimeoutPolicyId", &Identity::activityBasedTimeoutPolicyId},
      {"appManagementPolicyId", &Identity::appManagementPolicyId},
      {"authenticationCombinationConfigurationId",
       &Identity::authenticationCombinationConfigurationId},
      {"authenticationConditionApplicationAppId",
       &Identity::authenticationConditionApplicationAppId},
      {"authenticationContextClassReferenceId", &Identity::authenticationContextClassReferenceId},
      {"authenticationEventListenerId", &Identity::authenticationEventListenerId},
      {"authenticationEventsFlowId", &Identity::authenticationEventsFlowId},
      {"authenticationMethodConfigurationId", &Identity::authenticationMethodConfigurationId},
      {"authenticationMethodId", &Identity::authenticationMethodId},
      {"authenticationMethodModeDetailId", &Identity::authenticationMethodModeDetailId},
      {"authenticationStrengthPolicyId", &Identity::authenticationStrengthPolicyId},
      {"b2xIdentityUserFlowId", &Identity::b2xIdentityUserFlowId},
      {"bitlockerRecoveryKeyId", &Identity::bitlockerRecoveryKeyId},
      {"certificateBasedAuthConfigurationId", &Identity::certificateBasedAuthConfigurationId},
      {"claimsMappingPolicyId", &Identity::claimsMappingPolicyId},
      {"conditionalAccessPolicyId", &Identity::conditionalAccessPolicyId},
      {"conditionalAccessTemplateId", &Identity::conditionalAccessTemplateId},
      {"crossTenantAccessPolicyConfigurationPartnerTenantId",
       &Identity::crossTenantAccessPolicyConfigurationPartnerTenantId},
      {"customAuthenticationExtensionId", &Identity::customAuthenticationExtensionId},
      {"dataPolicyOperationId", &Identity::dataPolicyOperationId},
      {"directoryObjectId", &Identity::directoryObjectId},
      {"emailAuthenticationMethodId", &Identity::emailAuthenticationMethodId},
      {"featureRolloutPolicyId", &Identity::featureRolloutPolicyId},
      {"fido2AuthenticationMethodId", &Identity::fido2AuthenticationMethodId},
      {"homeRealmDiscoveryPolicyId", &Identity::homeRealmDiscoveryPolicyId},
      {"identityApiConnectorId", &Identity::identityApiConnectorId},
      {"identityProviderBaseId", &Identity::identityProviderBaseId},
      {"identityProviderId", &Identity::identityProviderId},
      {"identityUserFlowAttributeAssignmentId", &Identity::identityUserFlowAttributeAssignmentId},
      {"identityUserFlowAttributeId", &Identity::identityUserFlowAttributeId},
      {"longRunningOperationId", &Identity::longRunningOperationId},
      {"microsoftAuthenticatorAuthenticationMethodId",
       &Identity::microsoftAuthenticatorAuthenticationMethodId},
      {"multiTenantOrganizationMemberId", &Identity::multiTenantOrganizationMemberId},
      {"namedLocationId", &Identity::namedLocationId},
      {"oAuth2PermissionGrantId", &Identity::oAuth2PermissionGrantId},
      {"organizationId", &Identity::organizationId},
      {"passwordAuthenticationMethodId", &Identity::passwordAuthenticationMethodId},
      {"permissionGrantConditionSetId", &Identity::permissionGrantConditionSetId},
      {"permissionGrantPolicyId", &Identity::permissionGrantPolicyId},
      {"phoneAuthenticationMethodId", &Identity::phoneAuthenticationMethodId},
      {"riskDetectionId", &Identity::riskDetectionId},
      {"riskyServicePrincipalHistoryItemId", &Identity::riskyServicePrincipalHistoryItemId},
      {"riskyServicePrincipalId", &Identity::riskyServicePrincipalId},
      {"riskyUserHistoryItemId", &Identity::riskyUserHistoryItemId},
      {"riskyUserId", &Identity::riskyUserId},
      {"servicePrincipalRiskDetectionId", &Identity::servicePrincipalRiskDetectionId},
      {"softwareOathAuthenticationMethodId", &Identity::softwareOathAuthenticationMethodId},
      {"temporaryAccessPassAuthenticationMethodId",
       &Identity::temporaryAccessPassAuthenticationMethodId},
      {"threatAssessmentRequestId", &Identity::threatAssessmentRequestId},
      {"threatAssessmentResultId", &Identity::threatAssessmentResultId},
      {"tokenIssuancePolicyId", &Identity::tokenIssuancePolicyId},
      {"tokenLifetimePolicyId", &Identity::tokenLifetimePolicyId},
      {"unifiedRoleManagementPolicyAssignmentId",
       &Identity::unifiedRoleManagementPolicyAssignmentId},
      {"unifiedRoleManagementPolicyId", &Identity::unifiedRoleManagementPolicyId},
      {"unifiedRoleManagementPolicyRuleId", &Identity::unifiedRoleManagementPolicyRuleId},
      {"userFlowLanguageConfigurationId", &Identity::userFlowLanguageConfigurationId},
      {"userFlowLanguagePageId", &Identity::userFlowLanguagePageId},
      {"userId", &Identity::userId},
      {"windowsHelloForBusinessAuthenticationMethodId",
       &Identity::windowsHelloForBusinessAuthenticationMethodId},
  };
  return fields;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Property: absent, null or a value

static_assert(std::is_constructible_v<Property<bool>, bool>);
static_assert(std::is_constructible_v<Property<std::string>, const char*>);
static_assert(std::is_constructible_v<Property<std::string>, std::string_view>);
static_assert(std::is_constructible_v<Property<UserSyncInbound>, UserSyncInbound>);
static_assert(std::is_constructible_v<Property<bool>, std::nullptr_t>);
static_assert(!std::is_constructible_v<Property<bool>, std::string>);
static_assert(!std::is_constructible_v<Property<std::string>, int>);

TEST_CASE("A default-constructed Property is absent", "[models]") {
  const Property<bool> flag;
  CHECK(flag.isAbsent());
  CHECK_FALSE(flag.isNull());
  CHECK_FALSE(flag.hasValue());
  CHECK(Property<std::string>().isAbsent());
  CHECK(Property<UserSyncInbound>().isAbsent());
}

TEST_CASE("Assigning nullptr makes a Property an explicit null", "[models]") {
  Property<std::string> name = "x";
  name = nullptr;
  CHECK(name.isNull());
  CHECK_FALSE(name.isAbsent());
  CHECK_FALSE(name.hasValue());
  SECTION("setNull does the same") {
    Property<bool> flag = true;
    flag.setNull();
    CHECK(flag.isNull());
    CHECK_FALSE(flag.hasValue());
  }
}

TEST_CASE("Assigning a value makes a Property hold it", "[models]") {
  Property<bool> flag;
  flag = false;
  CHECK(flag.hasValue());
  CHECK_FALSE(flag.isNull());
  CHECK_FALSE(flag.isAbsent());
  CHECK(flag.value() == false);
  CHECK_FALSE(*flag);
  SECTION("from null to a value") {
    Property<std::string> name = nullptr;
    name = "Fabrikam";
    CHECK(name.hasValue());
    CHECK_FALSE(name.isNull());
    CHECK(*name == "Fabrikam");
    CHECK(name->size() == 8);
  }
  SECTION("a nested model, reachable through operator->") {
    Property<UserSyncInbound> inbound = UserSyncInbound{};
    inbound->isSyncAllowed = true;
    CHECK(inbound.value().isSyncAllowed.value());
  }
}

TEST_CASE("reset makes a Property absent again", "[models]") {
  Property<bool> flag = true;
  flag.reset();
  CHECK(flag.isAbsent());
  Property<bool> nulled = nullptr;
  nulled.reset();
  CHECK(nulled.isAbsent());
  CHECK_FALSE(nulled.isNull());
}

TEST_CASE("valueOr returns the value, or the fallback when absent or null", "[models]") {
  CHECK(Property<std::string>().valueOr("fallback") == "fallback");
  CHECK(Property<std::string>(nullptr).valueOr("fallback") == "fallback");
  CHECK(Property<std::string>("set").valueOr("fallback") == "set");
  CHECK(Property<bool>(false).valueOr(true) == false);
}

TEST_CASE("emplace builds a value in place from absent or null", "[models]") {
  Property<std::string> name = nullptr;
  std::string& stored = name.emplace(3, 'x');
  CHECK(stored == "xxx");
  CHECK(name.hasValue());
  CHECK_FALSE(name.isNull());
  Property<UserSyncInbound> inbound;
  inbound.emplace().isSyncAllowed = false;
  CHECK(inbound.hasValue());
  CHECK(inbound->isSyncAllowed == Property<bool>(false));
}

TEST_CASE("value() throws std::bad_optional_access when absent or null", "[models]") {
  CHECK_THROWS_AS(Property<bool>().value(), std::bad_optional_access);
  CHECK_THROWS_AS(Property<bool>(nullptr).value(), std::bad_optional_access);
}

TEST_CASE("Property equality compares state and value", "[models]") {
  CHECK(Property<bool>() == Property<bool>());
  CHECK(Property<bool>(nullptr) == Property<bool>(nullptr));
  CHECK(Property<bool>(true) == Property<bool>(true));
  CHECK(Property<bool>() != Property<bool>(nullptr));
  CHECK(Property<bool>(false) != Property<bool>(nullptr));
  CHECK(Property<bool>(false) != Property<bool>());
  CHECK(Property<bool>(true) != Property<bool>(false));
}

// A pointer or string literal must never silently become `true`.
static_assert(!std::is_constructible_v<Property<bool>, const char*>);
static_assert(!std::is_convertible_v<const char*, Property<bool>>);
static_assert(!std::is_constructible_v<Property<bool>, int*>);

TEST_CASE("Property<bool> does not accept a string literal or a pointer", "[models]") {
  CHECK_FALSE(std::is_constructible_v<Property<bool>, const char*>);
  CHECK_FALSE(std::is_convertible_v<const char*, Property<bool>>);
  CHECK_FALSE(std::is_constructible_v<Property<bool>, int*>);
}

// ---------------------------------------------------------------------------------------------
// IdentitySyncPolicyPartner: absent / null / value in both directions

TEST_CASE("A default IdentitySyncPolicyPartner has every property absent and writes {}",
          "[models]") {
  const IdentitySyncPolicyPartner policy;
  for (const PartnerField& field : partnerFields()) {
    CAPTURE(field.name);
    CHECK(field.state(policy) == "absent");
  }
  CHECK(policy.additionalProperties.empty());
  CHECK(policy.toJson() == "{}");
}

TEST_CASE("toJson writes an explicit null for each null property", "[models]") {
  SECTION("one property at a time; the others are omitted") {
    for (const PartnerField& field : partnerFields()) {
      CAPTURE(field.name);
      IdentitySyncPolicyPartner policy;
      field.setNull(policy);
      CHECK(policy.toJson() == std::string("{\"") + field.name + "\":null}");
    }
  }
  SECTION("all of them, in declaration order") {
    IdentitySyncPolicyPartner policy;
    for (const PartnerField& field : partnerFields()) field.setNull(policy);
    CHECK(policy.toJson() ==
          R"({"displayName":null,"tenantId":null,"userSyncInbound":null,)"
          R"("externalCloudAuthorizedApplicationId":null,"deletedDateTime":null,)"
          R"("groupSyncInbound":null})");
  }
}

TEST_CASE("toJson writes each property's value", "[models]") {
  SECTION("one property at a time; the others are omitted") {
    for (const PartnerField& field : partnerFields()) {
      CAPTURE(field.name);
      IdentitySyncPolicyPartner policy;
      field.setSample(policy);
      CHECK(policy.toJson() == std::string("{\"") + field.name + "\":" + field.sampleJson + "}");
    }
  }
  SECTION("all of them, in declaration order") {
    IdentitySyncPolicyPartner policy;
    for (const PartnerField& field : partnerFields()) field.setSample(policy);
    CHECK(
        policy.toJson() ==
        R"({"displayName":"Fabrikam","tenantId":"9c5d131d-b1c3-4fc4-9e3f-c6557947d551",)"
        R"("userSyncInbound":{"isSyncAllowed":true},)"
        R"("externalCloudAuthorizedApplicationId":"00000000-0000-0000-0000-0000000000ab",)"
        R"("deletedDateTime":"2025-06-18T23:14:25Z","groupSyncInbound":{"isSyncAllowed":false}})");
  }
}

TEST_CASE("fromJson sets each property absent, null or to the value", "[models]") {
  SECTION("an empty object leaves everything absent") {
    const auto policy = IdentitySyncPolicyPartner::fromJson("{}");
    for (const PartnerField& field : partnerFields()) {
      CAPTURE(field.name);
      CHECK(field.state(policy) == "absent");
    }
    CHECK(policy.additionalProperties.empty());
  }
  SECTION("null sets only that property null") {
    for (const PartnerField& field : partnerFields()) {
      CAPTURE(field.name);
      const auto policy =
          IdentitySyncPolicyPartner::fromJson(std::string("{\"") + field.name + "\":null}");
      for (const PartnerField& other : partnerFields()) {
        CAPTURE(other.name);
        CHECK(other.state(policy) == (&other == &field ? "null" : "absent"));
      }
      CHECK(policy.additionalProperties.empty());
    }
  }
  SECTION("a value sets only that property to it") {
    for (const PartnerField& field : partnerFields()) {
      CAPTURE(field.name);
      const auto policy = IdentitySyncPolicyPartner::fromJson(std::string("{\"") + field.name +
                                                              "\":" + field.sampleJson + "}");
      CHECK(field.holdsSample(policy));
      for (const PartnerField& other : partnerFields()) {
        if (&other != &field) CHECK(other.state(policy) == "absent");
      }
      CHECK(policy.additionalProperties.empty());
    }
  }
}

TEST_CASE("fromJson then toJson reproduces a document of typed properties exactly", "[models]") {
  for (const char* text : {
           R"({"displayName":null,"tenantId":null,"userSyncInbound":null,)"
           R"("externalCloudAuthorizedApplicationId":null,"deletedDateTime":null,)"
           R"("groupSyncInbound":null})",
           R"({"displayName":"Fabrikam","tenantId":"t","userSyncInbound":{"isSyncAllowed":false},)"
           R"("externalCloudAuthorizedApplicationId":"a","deletedDateTime":"d",)"
           R"("groupSyncInbound":{"isSyncAllowed":true}})",
           R"({"userSyncInbound":{},"groupSyncInbound":{"isSyncAllowed":null}})",
       }) {
    CAPTURE(text);
    CHECK(IdentitySyncPolicyPartner::fromJson(text).toJson() == text);
  }
}

TEST_CASE("isSyncAllowed is absent, null, true or false in both directions", "[models]") {
  SECTION("UserSyncInbound") {
    CHECK(UserSyncInbound().toJson() == "{}");
    CHECK(UserSyncInbound::fromJson("{}").isSyncAllowed.isAbsent());
    UserSyncInbound inbound;
    inbound.isSyncAllowed = nullptr;
    CHECK(inbound.toJson() == R"({"isSyncAllowed":null})");
    CHECK(UserSyncInbound::fromJson(R"({"isSyncAllowed":null})").isSyncAllowed.isNull());
    CHECK(userSync(true).toJson() == R"({"isSyncAllowed":true})");
    CHECK(userSync(false).toJson() == R"({"isSyncAllowed":false})");
    CHECK(UserSyncInbound::fromJson(R"({"isSyncAllowed":true})").isSyncAllowed.value());
    CHECK_FALSE(UserSyncInbound::fromJson(R"({"isSyncAllowed":false})").isSyncAllowed.value());
  }
  SECTION("GroupSyncInbound") {
    CHECK(GroupSyncInbound().toJson() == "{}");
    CHECK(GroupSyncInbound::fromJson("{}").isSyncAllowed.isAbsent());
    GroupSyncInbound inbound;
    inbound.isSyncAllowed = nullptr;
    CHECK(inbound.toJson() == R"({"isSyncAllowed":null})");
    CHECK(GroupSyncInbound::fromJson(R"({"isSyncAllowed":null})").isSyncAllowed.isNull());
    CHECK(groupSync(true).toJson() == R"({"isSyncAllowed":true})");
    CHECK_FALSE(GroupSyncInbound::fromJson(R"({"isSyncAllowed":false})").isSyncAllowed.value());
  }
  SECTION("nested in the policy: an empty object is a value whose members are absent") {
    const auto policy = IdentitySyncPolicyPartner::fromJson(R"({"userSyncInbound":{}})");
    REQUIRE(policy.userSyncInbound.hasValue());
    CHECK(policy.userSyncInbound->isSyncAllowed.isAbsent());
    CHECK(policy.toJson() == R"({"userSyncInbound":{}})");
  }
  SECTION("nested in the policy: null inside the nested object") {
    const auto policy =
        IdentitySyncPolicyPartner::fromJson(R"({"groupSyncInbound":{"isSyncAllowed":null}})");
    REQUIRE(policy.groupSyncInbound.hasValue());
    CHECK(policy.groupSyncInbound->isSyncAllowed.isNull());
  }
}

// ---------------------------------------------------------------------------------------------
// Documented bodies

TEST_CASE("The seed example body serializes byte-exact", "[models]") {
  UserSyncInbound inbound;
  inbound.isSyncAllowed = true;
  IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound = inbound;
  CHECK(policy.toJson() ==
        R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})");
}

TEST_CASE("The documented GET response parses into the typed fields", "[models]") {
  const auto policy = IdentitySyncPolicyPartner::fromJson(
      "{\n"
      "  \"tenantId\": \"9c5d131d-b1c3-4fc4-9e3f-c6557947d551\",\n"
      "  \"displayName\": \"Fabrikam\",\n"
      "  \"userSyncInbound\":\n"
      "  {\n"
      "    \"isSyncAllowed\": true\n"
      "  }\n"
      "}\n");
  CHECK(policy.tenantId.value() == kTenant);
  CHECK(policy.displayName.value() == "Fabrikam");
  REQUIRE(policy.userSyncInbound.hasValue());
  CHECK(policy.userSyncInbound->isSyncAllowed.value() == true);
  CHECK(policy.userSyncInbound->additionalProperties.empty());
  CHECK(policy.externalCloudAuthorizedApplicationId.isAbsent());
  CHECK(policy.deletedDateTime.isAbsent());
  CHECK(policy.groupSyncInbound.isAbsent());
  CHECK(policy.additionalProperties.empty());
  CHECK(policy.toJson() ==
        R"({"displayName":"Fabrikam","tenantId":"9c5d131d-b1c3-4fc4-9e3f-c6557947d551",)"
        R"("userSyncInbound":{"isSyncAllowed":true}})");
}

TEST_CASE("The beta restore response parses and round-trips", "[models]") {
  const std::string body =
      "{\n"
      "  \"@odata.context\": "
      "\"https://graph.microsoft-ppe.com/testppebetadeleteapis/"
      "$metadata#microsoft.graph.crossTenantIdentitySyncPolicyPartner\",\n"
      "  \"tenantId\": \"01d0e717-bc90-46ba-94a9-71b4a811fddb\",\n"
      "  \"displayName\": null,\n"
      "  \"deletedDateTime\": \"2025-06-18T23:14:25Z\",\n"
      "  \"externalCloudAuthorizedApplicationId\": null,\n"
      "  \"userSyncInbound\": null\n"
      "}";
  const auto policy = IdentitySyncPolicyPartner::fromJson(body);
  CHECK(policy.tenantId.value() == "01d0e717-bc90-46ba-94a9-71b4a811fddb");
  CHECK(policy.displayName.isNull());
  CHECK(policy.deletedDateTime.value() == "2025-06-18T23:14:25Z");
  CHECK(policy.externalCloudAuthorizedApplicationId.isNull());
  CHECK(policy.userSyncInbound.isNull());
  CHECK(policy.groupSyncInbound.isAbsent());
  REQUIRE(policy.additionalProperties.size() == 1);
  CHECK(policy.additionalProperties.begin()->first == "@odata.context");

  const std::string out = policy.toJson();
  CHECK(Json::parse(out) == Json::parse(body));
  CHECK(out == R"({"displayName":null,"tenantId":"01d0e717-bc90-46ba-94a9-71b4a811fddb",)"
               R"("userSyncInbound":null,"externalCloudAuthorizedApplicationId":null,)"
               R"("deletedDateTime":"2025-06-18T23:14:25Z",)"
               R"("@odata.context":"https://graph.microsoft-ppe.com/testppebetadeleteapis/)"
               R"($metadata#microsoft.graph.crossTenantIdentitySyncPolicyPartner"})");
  CHECK(IdentitySyncPolicyPartner::fromJson(out) == policy);
}

// ---------------------------------------------------------------------------------------------
// additionalProperties

TEST_CASE("Unknown keys land in additionalProperties in order and survive a round trip",
          "[models]") {
  const std::string body = R"({
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#x",
    "@odata.type": "#microsoft.graph.crossTenantIdentitySyncPolicyPartner",
    "displayName": "Fabrikam",
    "future": {"nested": [1, {"deep": [true, null, -0.0]}], "big": 18446744073709551615},
    "userSyncInbound": {
      "@odata.type": "#microsoft.graph.crossTenantUserSyncInbound",
      "isSyncAllowed": true,
      "extra": [1, 2.5, {"x": "y"}, []],
      "more": null
    },
    "zeta": [],
    "alpha": "\ud83d\ude00"
  })";
  const auto policy = IdentitySyncPolicyPartner::fromJson(body);

  SECTION("top-level unknown keys, in document order") {
    std::vector<std::string> keys;
    for (const auto& member : policy.additionalProperties) keys.push_back(member.first);
    CHECK(keys ==
          std::vector<std::string>{"@odata.context", "@odata.type", "future", "zeta", "alpha"});
    CHECK(*policy.additionalProperties.find("future") ==
          Json::parse(R"({"nested":[1,{"deep":[true,null,-0.0]}],"big":18446744073709551615})"));
    CHECK(policy.additionalProperties.find("zeta")->isArray());
  }
  SECTION("unknown keys inside userSyncInbound, in document order") {
    REQUIRE(policy.userSyncInbound.hasValue());
    CHECK(policy.userSyncInbound->isSyncAllowed.value());
    std::vector<std::string> keys;
    for (const auto& member : policy.userSyncInbound->additionalProperties) {
      keys.push_back(member.first);
    }
    CHECK(keys == std::vector<std::string>{"@odata.type", "extra", "more"});
    CHECK(*policy.userSyncInbound->additionalProperties.find("extra") ==
          Json::parse(R"([1,2.5,{"x":"y"},[]])"));
  }
  SECTION("typed keys are not duplicated into additionalProperties") {
    CHECK_FALSE(policy.additionalProperties.contains("displayName"));
    CHECK_FALSE(policy.additionalProperties.contains("userSyncInbound"));
    CHECK_FALSE(policy.userSyncInbound->additionalProperties.contains("isSyncAllowed"));
  }
  SECTION("parse -> serialize keeps the meaning") {
    CHECK(Json::parse(policy.toJson()) == Json::parse(body));
  }
  SECTION("typed properties first, then additional ones in their order") {
    CHECK(policy.toJson() ==
          R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true,)"
          R"("@odata.type":"#microsoft.graph.crossTenantUserSyncInbound",)"
          R"("extra":[1,2.5,{"x":"y"},[]],"more":null},)"
          R"("@odata.context":"https://graph.microsoft.com/v1.0/$metadata#x",)"
          R"("@odata.type":"#microsoft.graph.crossTenantIdentitySyncPolicyPartner",)"
          R"("future":{"nested":[1,{"deep":[true,null,-0.0]}],"big":18446744073709551615},)"
          "\"zeta\":[],\"alpha\":\"\xF0\x9F\x98\x80\"}");
  }
}

TEST_CASE("additionalProperties set in code are written after the typed properties", "[models]") {
  IdentitySyncPolicyPartner policy;
  policy.additionalProperties.set("roleEnabledGroupSyncInbound",
                                  Json::object({{"isSyncAllowed", true}}));
  policy.additionalProperties.set("@odata.type",
                                  "#microsoft.graph.crossTenantIdentitySyncPolicyPartner");
  policy.displayName = "Fabrikam";
  CHECK(policy.toJson() ==
        R"({"displayName":"Fabrikam","roleEnabledGroupSyncInbound":{"isSyncAllowed":true},)"
        R"("@odata.type":"#microsoft.graph.crossTenantIdentitySyncPolicyPartner"})");
}

TEST_CASE("An additionalProperties key that names a typed property is a ValidationError",
          "[models]") {
  SECTION("displayName at the top level, even while the typed property is absent") {
    IdentitySyncPolicyPartner policy;
    policy.additionalProperties.set("displayName", "shadow");
    const ValidationError e = writeError(policy);
    CHECK(e.field() == "/displayName");
    CHECK_THAT(e.reason(), Contains("typed property"));
  }
  SECTION("every typed key of the policy") {
    for (const PartnerField& field : partnerFields()) {
      CAPTURE(field.name);
      IdentitySyncPolicyPartner policy;
      field.setSample(policy);
      policy.additionalProperties.set(field.name, nullptr);
      CHECK(writeError(policy).field() == std::string("/") + field.name);
    }
  }
  SECTION("isSyncAllowed inside userSyncInbound, in any case") {
    for (const std::string key : {"isSyncAllowed", "ISSYNCALLOWED"}) {
      IdentitySyncPolicyPartner policy;
      UserSyncInbound inbound;
      inbound.additionalProperties.set(key, true);
      policy.userSyncInbound = inbound;
      CHECK(writeError(policy).field() == "/userSyncInbound/" + key);
    }
  }
  SECTION("isSyncAllowed inside groupSyncInbound") {
    IdentitySyncPolicyPartner policy;
    GroupSyncInbound inbound;
    inbound.isSyncAllowed = false;
    inbound.additionalProperties.set("isSyncAllowed", true);
    policy.groupSyncInbound = inbound;
    CHECK(writeError(policy).field() == "/groupSyncInbound/isSyncAllowed");
  }
  SECTION("isSyncAllowed in a standalone UserSyncInbound") {
    UserSyncInbound inbound;
    inbound.additionalProperties.set("isSyncAllowed", false);
    CHECK(writeError(inbound).field() == "/isSyncAllowed");
  }
  SECTION("a key of Identity") {
    Identity identity;
    identity.additionalProperties.set("crossTenantAccessPolicyConfigurationPartnerTenantId", "x");
    CHECK(writeError(identity).field() == "/crossTenantAccessPolicyConfigurationPartnerTenantId");
    Identity other;
    other.additionalProperties.set("UserId", "x");
    CHECK(writeError(other).field() == "/UserId");
  }
  SECTION("a key differing only in case collides too: Graph's names are case-insensitive") {
    IdentitySyncPolicyPartner policy;
    policy.displayName = "a";
    policy.additionalProperties.set("DisplayName", "b");
    const ValidationError e = writeError(policy);
    CHECK(e.field() == "/DisplayName");
    CHECK_THAT(e.reason(), Contains("names the typed property displayName of "
                                    "IdentitySyncPolicyPartner (property names are "
                                    "case-insensitive)"));
  }
}

TEST_CASE("fromJson reads a typed property whatever the case of its key", "[models]") {
  SECTION("into the typed property, written back in the model's spelling") {
    const auto policy = IdentitySyncPolicyPartner::fromJson(
        R"({"DisplayName":"x","USERSYNCINBOUND":{"IsSyncAllowed":true}})");
    CHECK(policy.displayName == Property<std::string>("x"));
    CHECK(policy.userSyncInbound->isSyncAllowed == Property<bool>(true));
    CHECK(policy.additionalProperties.empty());
    CHECK(policy.toJson() == R"({"displayName":"x","userSyncInbound":{"isSyncAllowed":true}})");
  }
  SECTION("two spellings of one property are a duplicate") {
    const auto e = readError<IdentitySyncPolicyPartner>(R"({"displayName":"a","DISPLAYNAME":"b"})");
    CHECK(e.pointer() == "/DISPLAYNAME");
    CHECK_THAT(e.what(), Contains("more than once"));
  }
}

// ---------------------------------------------------------------------------------------------
// What fromJson refuses

TEST_CASE("A typed field of the wrong JSON type is a DeserializationError naming its pointer",
          "[models]") {
  struct Case {
    const char* body;
    const char* pointer;
  };
  const Case cases[] = {
      {R"({"userSyncInbound":{"isSyncAllowed":"yes"}})", "/userSyncInbound/isSyncAllowed"},
      {R"({"displayName":5})", "/displayName"},
      {R"({"userSyncInbound":[]})", "/userSyncInbound"},
      {R"({"userSyncInbound":[{"isSyncAllowed":true}]})", "/userSyncInbound"},
      {R"({"userSyncInbound":"x"})", "/userSyncInbound"},
      {R"({"userSyncInbound":true})", "/userSyncInbound"},
      {R"({"userSyncInbound":{"isSyncAllowed":1}})", "/userSyncInbound/isSyncAllowed"},
      {R"({"userSyncInbound":{"isSyncAllowed":[true]}})", "/userSyncInbound/isSyncAllowed"},
      {R"({"userSyncInbound":{"isSyncAllowed":{}}})", "/userSyncInbound/isSyncAllowed"},
      {R"({"tenantId":true})", "/tenantId"},
      {R"({"displayName":{"a":1}})", "/displayName"},
      {R"({"displayName":["Fabrikam"]})", "/displayName"},
      {R"({"deletedDateTime":1750288465})", "/deletedDateTime"},
      {R"({"externalCloudAuthorizedApplicationId":false})",
       "/externalCloudAuthorizedApplicationId"},
      {R"({"groupSyncInbound":{"isSyncAllowed":"false"}})", "/groupSyncInbound/isSyncAllowed"},
      {R"({"groupSyncInbound":0})", "/groupSyncInbound"},
      {R"({"x":[1,2],"@odata.type":"t","displayName":1.5})", "/displayName"},
  };
  SECTION("each case names the offending value") {
    for (const Case& c : cases) {
      CAPTURE(c.body);
      CHECK(readError<IdentitySyncPolicyPartner>(c.body).pointer() == c.pointer);
    }
  }
  SECTION("the message says what was expected and what came") {
    CHECK_THAT(
        readError<IdentitySyncPolicyPartner>(R"({"userSyncInbound":{"isSyncAllowed":"yes"}})")
            .what(),
        Contains("/userSyncInbound/isSyncAllowed") &&
            Contains("expected a boolean or null, got a string"));
    CHECK_THAT(readError<IdentitySyncPolicyPartner>(R"({"displayName":5})").what(),
               Contains("expected a string or null, got a number"));
    CHECK_THAT(readError<IdentitySyncPolicyPartner>(R"({"userSyncInbound":[]})").what(),
               Contains("expected an object or null, got an array"));
  }
  SECTION("standalone nested models name their own pointer") {
    CHECK(readError<UserSyncInbound>(R"({"isSyncAllowed":"yes"})").pointer() == "/isSyncAllowed");
    CHECK(readError<GroupSyncInbound>(R"({"isSyncAllowed":0})").pointer() == "/isSyncAllowed");
  }
}

TEST_CASE("fromJson rejects a document that is not a JSON object", "[models]") {
  for (const char* text :
       {"[]", R"([{"displayName":"x"}])", R"("Fabrikam")", "null", "1", "true"}) {
    CAPTURE(text);
    const DeserializationError e = readError<IdentitySyncPolicyPartner>(text);
    CHECK(e.pointer().empty());
    CHECK_THAT(e.what(), Contains("expected a JSON object"));
    CHECK_THROWS_AS(UserSyncInbound::fromJson(text), DeserializationError);
    CHECK_THROWS_AS(GroupSyncInbound::fromJson(text), DeserializationError);
    CHECK_THROWS_AS(Identity::fromJson(text), DeserializationError);
  }
}

TEST_CASE("fromJson rejects text that is not one JSON document", "[models]") {
  for (const std::string& text :
       {std::string(""), std::string("{"), std::string(R"({"displayName":"a",})"),
        std::string("{} {}"), std::string("{}\0", 3), std::string("/*c*/{}"),
        std::string(R"({"displayName":"a"})") + "x"}) {
    CAPTURE(text);
    CHECK_THROWS_AS(IdentitySyncPolicyPartner::fromJson(text), DeserializationError);
  }
}

TEST_CASE("A duplicate key is a DeserializationError naming it", "[models]") {
  SECTION("a typed string") {
    const auto e = readError<IdentitySyncPolicyPartner>(R"({"displayName":"a","displayName":"b"})");
    CHECK(e.pointer() == "/displayName");
    CHECK_THAT(e.what(), Contains("more than once"));
  }
  SECTION("a typed property first set to null") {
    CHECK(readError<IdentitySyncPolicyPartner>(R"({"tenantId":null,"tenantId":"t"})").pointer() ==
          "/tenantId");
  }
  SECTION("a typed nested object") {
    CHECK(readError<IdentitySyncPolicyPartner>(
              R"({"userSyncInbound":{},"displayName":"x","userSyncInbound":null})")
              .pointer() == "/userSyncInbound");
  }
  SECTION("a typed key inside the nested object") {
    CHECK(readError<IdentitySyncPolicyPartner>(
              R"({"userSyncInbound":{"isSyncAllowed":true,"isSyncAllowed":false}})")
              .pointer() == "/userSyncInbound/isSyncAllowed");
  }
  SECTION("an unknown key") {
    CHECK(readError<IdentitySyncPolicyPartner>(R"({"x":1,"displayName":"a","x":[2]})").pointer() ==
          "/x");
  }
  SECTION("an unknown key inside the nested object") {
    CHECK(readError<IdentitySyncPolicyPartner>(R"({"userSyncInbound":{"@odata.type":"a",)"
                                               R"("@odata.type":"b"}})")
              .pointer() == "/userSyncInbound/@odata.type");
  }
  SECTION("a key inside an unknown object") {
    CHECK(readError<IdentitySyncPolicyPartner>(R"({"future":{"k":1,"k":2}})").pointer() ==
          "/future");
  }
}

TEST_CASE("Invalid UTF-8 in a typed string is refused on parse and on serialize", "[models]") {
  SECTION("parse: DeserializationError at /displayName") {
    for (const char* bad : {"\xC3\x28", "\xC0\xAF", "\xED\xA0\x80"}) {
      CAPTURE(bad);
      const auto e =
          readError<IdentitySyncPolicyPartner>(std::string(R"({"displayName":")") + bad + "\"}");
      CHECK(e.pointer() == "/displayName");
    }
  }
  SECTION("serialize: ValidationError naming /displayName") {
    IdentitySyncPolicyPartner policy;
    policy.displayName = std::string("Fab\xC3\x28rikam");
    const ValidationError e = writeError(policy);
    CHECK(e.field() == "/displayName");
    CHECK_THAT(e.reason(), Contains("UTF-8"));
  }
  SECTION("serialize: a nested additional property names its pointer") {
    IdentitySyncPolicyPartner policy;
    UserSyncInbound inbound;
    inbound.additionalProperties.set("extra", Json::Array{Json("ok"), Json("\xC0\xAF")});
    policy.userSyncInbound = inbound;
    CHECK(writeError(policy).field() == "/userSyncInbound/extra/1");
  }
  SECTION("serialize: a non-finite number in an additional property") {
    IdentitySyncPolicyPartner policy;
    policy.additionalProperties.set("n", std::numeric_limits<double>::infinity());
    CHECK(writeError(policy).field() == "/n");
  }
}

TEST_CASE("Deep nesting inside an unknown property is a clean DeserializationError", "[models]") {
  SECTION("100,000 unclosed arrays") {
    const auto e = readError<IdentitySyncPolicyPartner>(R"({"displayName":"x","future":)" +
                                                        repeat("[", 100000));
    CHECK_THAT(e.what(), Contains("nested deeper than the limit of 64 levels"));
    // Level 1 is the policy, so the 63rd array (level 65) is refused; it sits at /future/0/...
    CHECK(e.pointer() == "/future" + repeat("/0", 63));
  }
  SECTION("100,000 closed objects inside userSyncInbound") {
    const std::string body = R"({"userSyncInbound":{"x":)" + repeat(R"({"a":)", 100000) + "1" +
                             repeat("}", 100000) + "}}";
    const auto e = readError<IdentitySyncPolicyPartner>(body);
    CHECK_THAT(e.what(), Contains("nested deeper than the limit of 64 levels"));
    // Levels 1 and 2 are the models; the object refused at level 65 is reached by 62 "a"s.
    CHECK(e.pointer() == "/userSyncInbound/x" + repeat("/a", 62));
  }
  SECTION("the model's own levels count: 64 in all parse, 65 do not") {
    // The policy object is level 1, so 63 arrays reach level 64.
    const std::string ok = R"({"x":)" + repeat("[", 63) + repeat("]", 63) + "}";
    const std::string tooDeep = R"({"x":)" + repeat("[", 64) + repeat("]", 64) + "}";
    CHECK(IdentitySyncPolicyPartner::fromJson(ok).toJson() == ok);
    CHECK_THROWS_AS(IdentitySyncPolicyPartner::fromJson(tooDeep), DeserializationError);
  }
  SECTION("toJson refuses an additional property deeper than fromJson reads") {
    IdentitySyncPolicyPartner policy;
    policy.additionalProperties.set("x", Json::parse(repeat("[", 63) + repeat("]", 63)));
    CHECK(IdentitySyncPolicyPartner::fromJson(policy.toJson()) == policy);
    Json* innermost = policy.additionalProperties.find("x");
    while (!innermost->asArray().empty()) innermost = &innermost->asArray().front();
    innermost->asArray().emplace_back(Json::array());  // level 65
    const ValidationError e = writeError(policy);
    CHECK(e.field() == "/x" + repeat("/0", 63));
    CHECK_THAT(e.reason(), Contains("nested deeper than the limit of 64 levels"));
  }
  SECTION("the same inside userSyncInbound, which is level 2") {
    const std::string ok = R"({"userSyncInbound":{"x":)" + repeat("[", 62) + repeat("]", 62) + "}}";
    const std::string tooDeep =
        R"({"userSyncInbound":{"x":)" + repeat("[", 63) + repeat("]", 63) + "}}";
    CHECK(IdentitySyncPolicyPartner::fromJson(ok).toJson() == ok);
    CHECK_THROWS_AS(IdentitySyncPolicyPartner::fromJson(tooDeep), DeserializationError);
  }
}

// ---------------------------------------------------------------------------------------------
// Identity

TEST_CASE("Identity reads and writes every key of IIdentitySignInsIdentity", "[models]") {
  REQUIRE(identityFields().size() == 59);
  SECTION("each key alone: a value round-trips through its typed member") {
    for (const IdentityField& field : identityFields()) {
      CAPTURE(field.name);
      const std::string body = std::string("{\"") + field.name + "\":\"id-" + field.name + "\"}";
      const Identity identity = Identity::fromJson(body);
      CHECK((identity.*field.member).value() == std::string("id-") + field.name);
      CHECK(identity.additionalProperties.empty());
      CHECK(identity.toJson() == body);
    }
  }
  SECTION("each key alone: null round-trips") {
    for (const IdentityField& field : identityFields()) {
      CAPTURE(field.name);
      const std::string body = std::string("{\"") + field.name + "\":null}";
      const Identity identity = Identity::fromJson(body);
      CHECK((identity.*field.member).isNull());
      CHECK(identity.toJson() == body);
    }
  }
  SECTION("all keys set in code are written in declaration order") {
    Identity identity;
    std::string expected = "{";
    for (const IdentityField& field : identityFields()) {
      identity.*field.member = std::string("v-") + field.name;
      expected += std::string(expected.size() > 1 ? "," : "") + "\"" + field.name + "\":\"v-" +
                  field.name + "\"";
    }
    expected += "}";
    CHECK(identity.toJson() == expected);
    CHECK(Identity::fromJson(expected) == identity);
  }
  SECTION("a non-string value of a key names its pointer") {
    CHECK(readError<Identity>(R"({"crossTenantAccessPolicyConfigurationPartnerTenantId":42})")
              .pointer() == "/crossTenantAccessPolicyConfigurationPartnerTenantId");
    CHECK(readError<Identity>(R"({"userId":{"id":"x"}})").pointer() == "/userId");
  }
}

TEST_CASE("Identity keeps the partner tenant id, other keys and unknown keys", "[models]") {
  const std::string body =
      R"({"@odata.type":"#microsoft.graph.identity",)"
      R"("crossTenantAccessPolicyConfigurationPartnerTenantId":"9c5d131d-b1c3-4fc4-9e3f-c6557947d551",)"
      R"("userId":"u1","organizationId":null,"future":{"a":[1,{"b":null}]}})";
  const Identity identity = Identity::fromJson(body);
  CHECK(identity.crossTenantAccessPolicyConfigurationPartnerTenantId.value() == kTenant);
  CHECK(identity.userId.value() == "u1");
  CHECK(identity.organizationId.isNull());
  CHECK(identity.directoryObjectId.isAbsent());
  REQUIRE(identity.additionalProperties.size() == 2);
  CHECK(identity.additionalProperties.begin()->first == "@odata.type");
  CHECK((identity.additionalProperties.begin() + 1)->first == "future");
  CHECK(Json::parse(identity.toJson()) == Json::parse(body));
  CHECK(identity.toJson() ==
        R"({"crossTenantAccessPolicyConfigurationPartnerTenantId":)"
        R"("9c5d131d-b1c3-4fc4-9e3f-c6557947d551","organizationId":null,"userId":"u1",)"
        R"("@odata.type":"#microsoft.graph.identity","future":{"a":[1,{"b":null}]}})");
}

// ---------------------------------------------------------------------------------------------
// Model equality

TEST_CASE("Models are equal when every property and additional property is equal", "[models]") {
  SECTION("defaults are equal") {
    CHECK(IdentitySyncPolicyPartner() == IdentitySyncPolicyPartner());
    CHECK(UserSyncInbound() == UserSyncInbound());
    CHECK(GroupSyncInbound() == GroupSyncInbound());
    CHECK(Identity() == Identity());
  }
  SECTION("absent, null and a value all differ") {
    IdentitySyncPolicyPartner absent;
    IdentitySyncPolicyPartner null;
    null.displayName = nullptr;
    IdentitySyncPolicyPartner value;
    value.displayName = "";
    CHECK(absent != null);
    CHECK(null != value);
    CHECK(absent != value);
  }
  SECTION("a difference deep in a nested model") {
    IdentitySyncPolicyPartner a;
    a.userSyncInbound = userSync(true);
    IdentitySyncPolicyPartner b = a;
    CHECK(a == b);
    b.userSyncInbound->isSyncAllowed = false;
    CHECK(a != b);
    b.userSyncInbound->isSyncAllowed = true;
    b.userSyncInbound->additionalProperties.set("x", 1);
    CHECK(a != b);
  }
  SECTION("additionalProperties compare regardless of order, but by type") {
    IdentitySyncPolicyPartner a;
    a.additionalProperties.set("x", 1);
    a.additionalProperties.set("y", 2);
    IdentitySyncPolicyPartner b;
    b.additionalProperties.set("y", 2);
    b.additionalProperties.set("x", 1);
    CHECK(a == b);
    b.additionalProperties.set("x", 1.0);
    CHECK(a != b);
  }
  SECTION("the same document in a different key order reads to equal models") {
    CHECK(IdentitySyncPolicyPartner::fromJson(
              R"({"a":1,"displayName":"F","userSyncInbound":{"isSyncAllowed":true},"b":[2]})") ==
          IdentitySyncPolicyPartner::fromJson(
              R"({"userSyncInbound":{"isSyncAllowed":true},"b":[2],"displayName":"F","a":1})"));
  }
  SECTION("GroupSyncInbound and Identity") {
    CHECK(groupSync(true) == groupSync(true));
    CHECK(groupSync(true) != groupSync(false));
    Identity a;
    a.userId = "u";
    Identity b;
    b.userId = "u";
    CHECK(a == b);
    b.organizationId = nullptr;
    CHECK(a != b);
  }
}

TEST_CASE("A lone surrogate escape in a model is refused with its pointer", "[models]") {
  SECTION("in a typed property") {
    try {
      IdentitySyncPolicyPartner::fromJson(R"({"displayName":"\udc00"})");
      FAIL("no error");
    } catch (const DeserializationError& e) {
      CHECK(e.pointer() == "/displayName");
    }
  }
  SECTION("in an unknown property's array") {
    try {
      IdentitySyncPolicyPartner::fromJson(R"({"x":["ok","\udc00"]})");
      FAIL("no error");
    } catch (const DeserializationError& e) {
      CHECK(e.pointer() == "/x/1");
    }
  }
}
