// SPDX-License-Identifier: MIT
// models::difference: the comparison behind ensure, public for plans made elsewhere.
#include <catch2/catch.hpp>

#include "msgraph/error.hpp"
#include "msgraph/models/model_difference.hpp"
#include "msgraph/requests/partner_tenant_id.hpp"

using msgraph::Json;
using msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
using msgraph::models::difference;
using msgraph::models::IdentitySyncPolicyPartner;

namespace {

IdentitySyncPolicyPartner policy(const char* json) {
  return IdentitySyncPolicyPartner::fromJson(json);
}

}  // namespace

TEST_CASE("difference names only the properties the desired policy sets", "[models]") {
  const auto current =
      policy(R"({"tenantId":"t","displayName":"A","userSyncInbound":{"isSyncAllowed":true}})");
  const auto result = difference(policy(R"({"displayName":"B"})"), current);
  CHECK(result.changed == std::vector<std::string>{"/displayName"});
  CHECK(result.patch.toJson() == R"({"displayName":"B"})");
  CHECK(difference(policy(R"({"displayName":"A"})"), current).empty());
  CHECK(difference(policy("{}"), current).empty());
}

TEST_CASE("difference compares nested objects property by property", "[models]") {
  const auto current = policy(R"({"displayName":"A","userSyncInbound":{"isSyncAllowed":true}})");
  const auto result = difference(policy(R"({"userSyncInbound":{"isSyncAllowed":false}})"), current);
  CHECK(result.changed == std::vector<std::string>{"/userSyncInbound/isSyncAllowed"});
  CHECK(result.patch.toJson() == R"({"userSyncInbound":{"isSyncAllowed":false}})");
}

TEST_CASE("difference: null clears a value and equals absence", "[models]") {
  CHECK(difference(policy(R"({"displayName":null})"), policy(R"({"displayName":"A"})")).changed ==
        std::vector<std::string>{"/displayName"});
  CHECK(difference(policy(R"({"displayName":null})"), policy("{}")).empty());
}

TEST_CASE("difference never compares read-only properties or annotations", "[models]") {
  const auto desired =
      policy(R"({"tenantId":"x","deletedDateTime":"2025-01-01T00:00:00Z","@odata.type":"#y"})");
  CHECK(difference(desired, policy(R"({"tenantId":"t"})")).empty());
}

TEST_CASE("difference matches additional property names ignoring ASCII case", "[models]") {
  const auto current = policy(R"({"customSetting":1})");
  CHECK(difference(policy(R"({"CustomSetting":1})"), current).empty());
  const auto changed = difference(policy(R"({"CUSTOMSETTING":2})"), current);
  CHECK(changed.changed == std::vector<std::string>{"/CUSTOMSETTING"});
}

TEST_CASE("difference of partner configurations", "[models]") {
  const auto current = CrossTenantAccessPolicyConfigurationPartner::fromJson(
      R"({"tenantId":"p","automaticUserConsentSettings":{"inboundAllowed":false,"outboundAllowed":false}})");
  const auto desired = CrossTenantAccessPolicyConfigurationPartner::fromJson(
      R"({"tenantId":"p","automaticUserConsentSettings":{"inboundAllowed":true}})");
  const auto result = difference(desired, current);
  CHECK(result.changed == std::vector<std::string>{"/automaticUserConsentSettings/inboundAllowed"});
  CHECK(result.patch.toJson() == R"({"automaticUserConsentSettings":{"inboundAllowed":true}})");
}

TEST_CASE("validatePartnerTenantId refuses what a request builder refuses, naming the field",
          "[models]") {
  CHECK_NOTHROW(msgraph::validatePartnerTenantId("5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0"));
  try {
    msgraph::validatePartnerTenantId("..", "tenant");
    FAIL("no error");
  } catch (const msgraph::ValidationError& e) {
    CHECK(e.field() == "tenant");
  }
  CHECK_THROWS_AS(msgraph::validatePartnerTenantId(""), msgraph::ValidationError);
  CHECK_THROWS_AS(msgraph::validatePartnerTenantId("a\nb"), msgraph::ValidationError);
}
