// SPDX-License-Identifier: MIT
// Deleted identity synchronization policies (beta) against the emulator: the library's
// delete -> list -> restore -> delete -> permanent delete round trip, the wire shapes and error
// answers, persistence across a restart, and the 30-day purge.
#include <catch2/catch.hpp>

#include <chrono>
#include <regex>
#include <string>
#include <vector>

#include "integration/emulator.hpp"
#include "integration/raw_graph.hpp"
#include "support/error_of.hpp"
#include "support/temp_dir.hpp"

using msgraph::HttpMethod;
using testing_support::Emulator;
namespace models = msgraph::models;

namespace {

const std::string kPartner = "01d0e717-bc90-46ba-94a9-71b4a811fddb";
const std::string kPolicyPath =
    "/policies/crossTenantAccessPolicy/partners/" + kPartner + "/identitySynchronization";
const std::string kDeletedPath = "/policies/deletedItems/crossTenantSyncPolicyPartners";

auto syncOf(const msgraph::GraphClient& client) {
  return client.policies().crossTenantAccessPolicy().partners(kPartner).identitySynchronization();
}

void putPolicy(const msgraph::GraphClient& client, const std::string& name) {
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = name;
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  syncOf(client).put(policy).execute();
}

std::vector<std::string> deletedIds(const msgraph::GraphClient& client) {
  std::vector<std::string> ids;
  auto pages = client.policies().deletedItems().crossTenantSyncPolicyPartners().list().pages();
  while (pages.hasNext()) {
    const auto page = pages.next();
    for (const auto& policy : page.value().value->value) ids.push_back(*policy.tenantId);
  }
  return ids;
}

// The deleted items as the emulator sends them, raw.
msgraph::Json deletedList(testing_support::RawGraph& raw) {
  const auto response = raw.send(HttpMethod::Get, "/beta" + kDeletedPath);
  REQUIRE(response.status == 200);
  return msgraph::Json::parse(response.body);
}

}  // namespace

TEST_CASE("deleted policies: delete, list, restore, delete again, delete for good",
          "[integration][deleted]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client(msgraph::ApiVersion::Beta);
  putPolicy(client, "Fabrikam");
  syncOf(client).remove().execute();
  CHECK(msgraph_test::errorOf<msgraph::ServiceError>(syncOf(client).get().send()).status() == 404);

  const auto page =
      client.policies().deletedItems().crossTenantSyncPolicyPartners().list().execute();
  REQUIRE(page.value->value.size() == 1);
  const models::IdentitySyncPolicyPartner& deleted = page.value->value[0];
  CHECK(deleted.tenantId == kPartner);
  CHECK(deleted.displayName == "Fabrikam");
  REQUIRE(deleted.deletedDateTime.hasValue());
  CHECK(
      std::regex_match(*deleted.deletedDateTime, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));

  const auto item = client.policies().deletedItems().crossTenantSyncPolicyPartners(kPartner);
  const auto restored = item.restore().execute();
  CHECK(restored.status == 200);
  CHECK(restored.value->tenantId == kPartner);
  CHECK(restored.value->displayName == "Fabrikam");
  const auto got = syncOf(client).get().execute();
  CHECK(got.value->displayName == "Fabrikam");
  CHECK(got.value->deletedDateTime.isNull());
  CHECK(deletedIds(client).empty());

  syncOf(client).remove().execute();
  CHECK(deletedIds(client) == std::vector<std::string>{kPartner});
  CHECK(item.remove().execute().status == 204);
  CHECK(deletedIds(client).empty());
  CHECK(msgraph_test::errorOf<msgraph::ServiceError>(item.restore().send()).status() == 404);
}

TEST_CASE("deleted policies: the wire answers", "[integration][deleted]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client(msgraph::ApiVersion::Beta);
  testing_support::RawGraph raw(emulator);
  putPolicy(client, "Fabrikam");
  // A DELETE through v1.0 moves the policy to the deleted items too.
  REQUIRE(raw.send(HttpMethod::Delete, "/v1.0" + kPolicyPath).status == 204);

  SECTION("the list has @odata.context and the policy with deletedDateTime") {
    const msgraph::Json body = deletedList(raw);
    CHECK(body.find("@odata.context") != nullptr);
    const msgraph::Json* value = body.find("value");
    REQUIRE(value != nullptr);
    REQUIRE(value->asArray().size() == 1);
    const msgraph::Json& item = value->asArray()[0];
    CHECK(item.find("tenantId")->asString() == kPartner);
    CHECK(item.find("deletedDateTime")->isString());
  }
  SECTION("only beta has them: v1.0 answers 404 as for any unknown segment") {
    CHECK(raw.send(HttpMethod::Get, "/v1.0" + kDeletedPath).status == 404);
    CHECK(raw.send(HttpMethod::Post, "/v1.0" + kDeletedPath + "/" + kPartner + "/restore").status ==
          404);
  }
  SECTION("restore while a live policy exists is 409, both kept") {
    putPolicy(client, "Newer");
    const auto response =
        raw.send(HttpMethod::Post, "/beta" + kDeletedPath + "/" + kPartner + "/restore");
    CHECK(response.status == 409);
    CHECK(response.body.find("Request_MultipleObjectsWithSameKeyValue") != std::string::npos);
    CHECK(syncOf(client).get().execute().value->displayName == "Newer");
    CHECK(deletedList(raw).find("value")->asArray().size() == 1);
  }
  SECTION("an unknown id is 404 Request_ResourceNotFound for restore and DELETE") {
    for (const HttpMethod method : {HttpMethod::Post, HttpMethod::Delete}) {
      const std::string path = "/beta" + kDeletedPath + "/unknown-partner" +
                               (method == HttpMethod::Post ? "/restore" : "");
      const auto response = raw.send(method, path);
      CHECK(response.status == 404);
      CHECK(response.body.find("Request_ResourceNotFound") != std::string::npos);
    }
  }
}

TEST_CASE("deleted policies outlive a restart with --data", "[integration][deleted]") {
  msgraph_test::TempDir dir;
  const std::string data = dir.path("state.json");
  {
    Emulator emulator({"--auto-create-partners"}, data);
    const auto client = emulator.client(msgraph::ApiVersion::Beta);
    putPolicy(client, "Fabrikam");
    syncOf(client).remove().execute();
  }
  Emulator restarted({"--auto-create-partners"}, data);
  const auto client = restarted.client(msgraph::ApiVersion::Beta);
  CHECK(deletedIds(client) == std::vector<std::string>{kPartner});
  client.policies().deletedItems().crossTenantSyncPolicyPartners(kPartner).restore().execute();
  CHECK(syncOf(client).get().execute().value->displayName == "Fabrikam");
}

// The emulator has no clock to move, so the ages are written into a data file: one item
// deleted 31 days ago (purged at the first call), one 29 days ago (kept).
TEST_CASE("deleted policies older than 30 days are purged", "[integration][deleted]") {
  msgraph_test::TempDir dir;
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto daysAgo = [&](int days) { return std::to_string(now - days * 24 * 60 * 60); };
  const std::string data = dir.write(
      "state.json",
      R"({"formatVersion":5,"etagCounter":0,"apps":{},"tenants":[],"tenantAliases":{},)"
      R"("policies":{"contoso.onmicrosoft.com":{"partners":{},"deletedPolicies":{"old":{"deletedAt":)" +
          daysAgo(31) + R"(,"properties":{}},"recent":{"deletedAt":)" + daysAgo(29) +
          R"(,"properties":{}}}}}})");
  Emulator emulator({}, data);
  CHECK(deletedIds(emulator.client(msgraph::ApiVersion::Beta)) ==
        std::vector<std::string>{"recent"});
}
