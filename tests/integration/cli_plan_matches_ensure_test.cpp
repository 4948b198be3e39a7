// SPDX-License-Identifier: MIT
// The tool's plan (MSGRAPH_CLI_PATH plan --output json) against the library's own prediction,
// `partners().ensure(partner, policy).plan()`, partner by partner: the same writes, in the same
// order, with the same bodies and URLs, in every case ensure distinguishes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "integration/fleet.hpp"

using msgraph::Json;
using testing_support::Fleet;
using testing_support::linesOf;
using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
using Policy = msgraph::models::IdentitySyncPolicyPartner;

namespace {

// One desired partner: a JSON line of the file, and the same partner and policy as models.
struct Desired {
  std::string id;
  std::string partnerProperties;  // JSON members after partnerTenantId, or empty
  std::string policy;             // the policy's JSON
};

std::string lineOf(const Desired& desired) {
  std::string line =
      R"({"partnerTenantId":")" + desired.id + R"(","identitySynchronization":)" + desired.policy;
  if (!desired.partnerProperties.empty()) line += "," + desired.partnerProperties;
  return line + "}\n";
}

// "METHOD URL BODY" of each write the library's partner ensure would send.
std::vector<std::string> libraryWrites(const msgraph::GraphClient& client, const Desired& desired) {
  Partner partner = Partner::fromJson("{" + desired.partnerProperties + "}");
  partner.tenantId = desired.id;
  const auto plan = client.policies()
                        .crossTenantAccessPolicy()
                        .partners()
                        .ensure(partner, Policy::fromJson(desired.policy))
                        .plan();
  REQUIRE(plan.ok());
  std::vector<std::string> writes;
  for (const msgraph::HttpRequest& write : plan.value().writes) {
    writes.push_back(std::string(msgraph::toString(write.method)) + " " + write.url + " " +
                     write.body);
  }
  return writes;
}

// The same for one object of the tool's JSON plan.
std::vector<std::string> toolWrites(const Json& item, const std::string& serviceRoot) {
  std::vector<std::string> writes;
  for (const Json& write : item.find("writes")->asArray()) {
    const Json* body = write.find("body");
    writes.push_back(write.find("method")->asString() + " " + serviceRoot +
                     write.find("path")->asString() + " " + (body ? body->dump() : ""));
  }
  return writes;
}

}  // namespace

TEST_CASE("cli plan predicts the library's partner ensure, write for write",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  const std::string same = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";
  const std::string differs = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";
  const std::string bare = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
  const std::string absent = "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
  fleet.partnerWithPolicy(same, "Same");
  fleet.partnerWithPolicy(differs, "Old", true);
  fleet.partner(bare);
  const std::vector<Desired> desired = {
      {same, "", R"({"displayName":"Same"})"},
      {differs, R"("automaticUserConsentSettings":{"inboundAllowed":true})",
       R"({"displayName":"New","userSyncInbound":{"isSyncAllowed":false},"extra":{"a":1}})"},
      {bare, R"("isServiceProvider":true)", R"({"displayName":"Bare"})"},
      {absent, R"("automaticUserConsentSettings":{"inboundAllowed":false})",
       R"({"displayName":"Absent","userSyncInbound":{"isSyncAllowed":true}})"},
  };
  std::string file;
  for (const Desired& partner : desired) file += lineOf(partner);
  const auto planned =
      fleet.cli()({"plan", "--desired", fleet.file("desired.jsonl", file), "--output", "json"});
  REQUIRE(planned.exitCode == 0);
  const auto lines = linesOf(planned.out);
  REQUIRE(lines.size() == desired.size() + 1);  // and the summary
  const msgraph::GraphClient client = fleet.emulator().client();
  const std::string root = fleet.emulator().baseUrl() + "/v1.0";
  for (const std::string& text : std::vector<std::string>(lines.begin(), lines.end() - 1)) {
    const Json item = Json::parse(text);
    const std::string id = item.find("partnerTenantId")->asString();
    INFO(id);
    const auto match =
        std::find_if(desired.begin(), desired.end(), [&](const Desired& d) { return d.id == id; });
    REQUIRE(match != desired.end());
    CHECK(toolWrites(item, root) == libraryWrites(client, *match));
  }
}
