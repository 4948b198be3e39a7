// SPDX-License-Identifier: MIT
// The tool's planner: per partner the writes the library's partner ensure would send.
#include <catch2/catch.hpp>
#include <string>

#include "fleet/planner.hpp"

using msgraph::Json;
using msgraph_cli::fleet::DesiredItem;
using msgraph_cli::fleet::PlanAction;
using msgraph_cli::fleet::planPartner;
using msgraph_cli::fleet::planRemoval;
using msgraph_cli::fleet::WriteKind;
using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
using Policy = msgraph::models::IdentitySyncPolicyPartner;

namespace {

const std::string kId = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";

DesiredItem desired(const std::string& partnerJson, const char* policyJson) {
  DesiredItem item;
  item.line = 3;
  item.partner = Partner::fromJson(partnerJson);
  item.partner.tenantId = kId;
  if (policyJson != nullptr) item.policy = Policy::fromJson(policyJson);
  return item;
}

Partner current(const std::string& json) { return Partner::fromJson(json); }

}  // namespace

TEST_CASE("plan: an absent partner is created, then its policy put", "[cli][plan]") {
  const auto item =
      planPartner(desired(R"({"isServiceProvider":true})", R"({"displayName":"F"})"), nullptr);
  CHECK(item.action == PlanAction::Create);
  CHECK(item.line == 3);
  REQUIRE(item.writes.size() == 2);
  CHECK(item.writes[0].kind == WriteKind::CreatePartner);
  CHECK(item.writes[0].body == R"({"tenantId":")" + kId + R"(","isServiceProvider":true})");
  CHECK(item.writes[1].kind == WriteKind::PutPolicy);
  CHECK(item.writes[1].body == R"({"displayName":"F"})");
  REQUIRE(item.policyChanges.size() == 1);
  CHECK(item.policyChanges[0].pointer == "/displayName");
  CHECK_FALSE(item.policyChanges[0].before);
  CHECK(item.policyChanges[0].after == Json("F"));
}

TEST_CASE("plan: an existing partner without a policy gets a PUT", "[cli][plan]") {
  const Partner now = current(R"({"tenantId":")" + kId + R"(","identitySynchronization":null})");
  const auto item = planPartner(desired("{}", R"({"displayName":"F"})"), &now);
  CHECK(item.action == PlanAction::Create);
  REQUIRE(item.writes.size() == 1);
  CHECK(item.writes[0].kind == WriteKind::PutPolicy);
}

TEST_CASE("plan: a differing policy gets a PATCH of only what differs, with before and after",
          "[cli][plan]") {
  const Partner now =
      current(R"({"tenantId":")" + kId + R"(","identitySynchronization":{"tenantId":")" + kId +
              R"(","displayName":"A","userSyncInbound":{"isSyncAllowed":true}}})");
  const auto item = planPartner(
      desired("{}", R"({"displayName":"B","userSyncInbound":{"isSyncAllowed":true}})"), &now);
  CHECK(item.action == PlanAction::Update);
  REQUIRE(item.writes.size() == 1);
  CHECK(item.writes[0].kind == WriteKind::PatchPolicy);
  CHECK(item.writes[0].body == R"({"displayName":"B"})");
  REQUIRE(item.policyChanges.size() == 1);
  CHECK(item.policyChanges[0].before == Json("A"));
  CHECK(item.policyChanges[0].after == Json("B"));
  CHECK(planPartner(desired("{}", R"({"DisplayName":"A"})"), &now).action == PlanAction::Unchanged);
}

TEST_CASE("plan: partner properties are patched before the policy", "[cli][plan]") {
  const Partner now = current(R"({"tenantId":")" + kId +
                              R"(","automaticUserConsentSettings":{"inboundAllowed":false},)"
                              R"("identitySynchronization":{"displayName":"A"}})");
  const auto item =
      planPartner(desired(R"({"automaticUserConsentSettings":{"inboundAllowed":true}})",
                          R"({"displayName":"A"})"),
                  &now);
  CHECK(item.action == PlanAction::Update);
  REQUIRE(item.writes.size() == 1);
  CHECK(item.writes[0].kind == WriteKind::PatchPartner);
  CHECK(item.writes[0].body == R"({"automaticUserConsentSettings":{"inboundAllowed":true}})");
  REQUIRE(item.partnerChanges.size() == 1);
  CHECK(item.partnerChanges[0].pointer == "/automaticUserConsentSettings/inboundAllowed");
  CHECK(item.partnerChanges[0].before == Json(false));
}

TEST_CASE("plan: a removal deletes the policy, then the partner", "[cli][plan]") {
  const auto withPolicy = planRemoval(
      current(R"({"tenantId":")" + kId + R"(","identitySynchronization":{"displayName":"A"}})"),
      "other.example");
  CHECK(withPolicy.action == PlanAction::Remove);
  CHECK(withPolicy.tenant == "other.example");
  REQUIRE(withPolicy.writes.size() == 2);
  CHECK(withPolicy.writes[0].kind == WriteKind::DeletePolicy);
  CHECK(withPolicy.writes[1].kind == WriteKind::DeletePartner);
  const auto bare =
      planRemoval(current(R"({"tenantId":")" + kId + R"(","identitySynchronization":null})"), "");
  REQUIRE(bare.writes.size() == 1);
  CHECK(bare.writes[0].kind == WriteKind::DeletePartner);
}
