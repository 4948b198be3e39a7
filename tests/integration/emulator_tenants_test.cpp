// SPDX-License-Identifier: MIT
// The emulator keeps the cross-tenant access policy of each tenant apart, as Graph does: the
// tenant is the one the caller's token was issued for.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "integration/emulator.hpp"
#include "integration/raw_graph.hpp"

using msgraph::HttpMethod;
using msgraph::Json;
using testing_support::Emulator;
using testing_support::RawGraph;

namespace {

constexpr const char* kTenantA = "tenant-a.example";
constexpr const char* kTenantB = "tenant-b.example";
constexpr const char* kContoso = "contoso.onmicrosoft.com";  // RawGraph's default tenant
constexpr const char* kPartner = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const std::string kPartners = "/v1.0/policies/crossTenantAccessPolicy/partners";
const std::string kPolicy = kPartners + "/" + kPartner + "/identitySynchronization";
const std::string kDeleted = "/beta/policies/deletedItems/crossTenantSyncPolicyPartners";

RawGraph signedInTo(const Emulator& emulator, const std::string& tenant) {
  return RawGraph(emulator, tenant, Emulator::kClientId, Emulator::kSecret);
}

// One emulator, and one app signed in to two tenants of it.
struct TwoTenants {
  explicit TwoTenants(std::vector<std::string> flags = {})
      : emulator(std::move(flags)),
        a(signedInTo(emulator, kTenantA)),
        b(signedInTo(emulator, kTenantB)) {}
  Emulator emulator;
  RawGraph a;
  RawGraph b;
};

std::string partnerBody(const std::string& id) { return R"({"tenantId":")" + id + R"("})"; }

std::string policyBody(const std::string& displayName) {
  return R"({"displayName":")" + displayName + R"(","userSyncInbound":{"isSyncAllowed":true}})";
}

Json bodyOf(const msgraph::HttpResponse& response) { return Json::parse(response.body); }

std::size_t listed(RawGraph& graph, const std::string& path) {
  const msgraph::HttpResponse response = graph.send(HttpMethod::Get, path);
  REQUIRE(response.status == 200);
  return bodyOf(response).find("value")->asArray().size();
}

std::string displayNameIn(RawGraph& graph) {
  const msgraph::HttpResponse response = graph.send(HttpMethod::Get, kPolicy);
  REQUIRE(response.status == 200);
  return bodyOf(response).find("displayName")->asString();
}

std::string contentOf(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A data file of format version 4, when one store served every tenant: a partner with a
// policy, and a deleted policy of another partner.
std::string version4File(const std::string& tenants) {
  return R"({"formatVersion":4,"etagCounter":7,"apps":{},"tenants":)" + tenants +
         R"(,"partners":{")" + kPartner + R"(":{"configuration":{"tenantId":")" + kPartner +
         R"("},"identitySynchronization":{"etag":"W/\"7\"","properties":{"displayName":"Old"}}}},)"
         R"("deletedPolicies":{"gone":{"deletedAt":)" +
         std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count()) +
         R"(,"properties":{"displayName":"Gone"}}}})";
}

}  // namespace

TEST_CASE("emulator tenants: a partner created in one tenant is not listed or readable in another",
          "[integration][emulator][tenants]") {
  TwoTenants tenants;
  auto& [emulator, a, b] = tenants;
  REQUIRE(a.send(HttpMethod::Post, kPartners, partnerBody(kPartner)).status == 201);

  CHECK(listed(a, kPartners) == 1);
  CHECK(listed(b, kPartners) == 0);
  CHECK(b.send(HttpMethod::Get, kPartners + "/" + kPartner).status == 404);
  CHECK(b.send(HttpMethod::Patch, kPartners + "/" + kPartner, R"({"isServiceProvider":true})")
            .status == 404);
  CHECK(b.send(HttpMethod::Put, kPolicy, policyBody("B")).status == 404);
  CHECK(b.send(HttpMethod::Delete, kPartners + "/" + kPartner).status == 404);
  CHECK(a.send(HttpMethod::Get, kPartners + "/" + kPartner).status == 200);
}

TEST_CASE("emulator tenants: the same partner id exists in two tenants with different policies",
          "[integration][emulator][tenants]") {
  TwoTenants tenants;
  auto& [emulator, a, b] = tenants;
  for (RawGraph* graph : {&a, &b}) {
    REQUIRE(graph->send(HttpMethod::Post, kPartners, partnerBody(kPartner)).status == 201);
  }
  const msgraph::HttpResponse putA = a.send(HttpMethod::Put, kPolicy, policyBody("Policy of A"));
  const msgraph::HttpResponse putB = b.send(HttpMethod::Put, kPolicy, policyBody("Policy of B"));
  REQUIRE(putA.status == 204);
  REQUIRE(putB.status == 204);
  // One ETag counter for the whole emulator: no two ETags are ever equal.
  CHECK(putA.headers.get("ETag") != putB.headers.get("ETag"));
  REQUIRE(b.send(HttpMethod::Patch, kPolicy, R"({"displayName":"B, changed"})").status == 204);

  CHECK(displayNameIn(a) == "Policy of A");
  CHECK(displayNameIn(b) == "B, changed");
  const Json byTenant = *emulator.stats().find("writesByPartner");
  CHECK(byTenant.find(kTenantA)->find(kPartner)->asInt() == 2);  // POST, PUT
  CHECK(byTenant.find(kTenantB)->find(kPartner)->asInt() == 3);  // POST, PUT, PATCH
}

TEST_CASE("emulator tenants: deleted items are kept per tenant",
          "[integration][emulator][tenants]") {
  TwoTenants tenants({"--auto-create-partners"});
  auto& [emulator, a, b] = tenants;
  REQUIRE(a.send(HttpMethod::Put, kPolicy, policyBody("A")).status == 204);
  REQUIRE(a.send(HttpMethod::Delete, kPolicy).status == 204);

  CHECK(listed(a, kDeleted) == 1);
  CHECK(listed(b, kDeleted) == 0);
  CHECK(b.send(HttpMethod::Post, kDeleted + "/" + kPartner + "/restore").status == 404);
  CHECK(b.send(HttpMethod::Delete, kDeleted + "/" + kPartner).status == 404);
  const msgraph::HttpResponse restored =
      a.send(HttpMethod::Post, kDeleted + "/" + kPartner + "/restore");
  CHECK(restored.status == 200);
  CHECK(displayNameIn(a) == "A");
  CHECK(b.send(HttpMethod::Get, kPolicy).status == 404);
}

TEST_CASE("emulator tenants: $batch items read and write the tenant of the envelope's token",
          "[integration][emulator][tenants]") {
  TwoTenants tenants({"--auto-create-partners"});
  auto& [emulator, a, b] = tenants;
  REQUIRE(a.send(HttpMethod::Put, kPolicy, policyBody("A")).status == 204);
  const std::string item = "/policies/crossTenantAccessPolicy/partners/" + std::string(kPartner) +
                           "/identitySynchronization";
  const msgraph::HttpResponse batch =
      b.send(HttpMethod::Post, "/v1.0/$batch",
             R"({"requests":[{"id":"1","method":"GET","url":")" + item +
                 R"("},{"id":"2","method":"PUT","url":")" + item +
                 R"(","headers":{"Content-Type":"application/json"},"body":)" + policyBody("B") +
                 R"(},{"id":"3","method":"GET","url":")" + item + R"("}]})");
  REQUIRE(batch.status == 200);
  const Json answer = bodyOf(batch);
  const Json::Array& responses = answer.find("responses")->asArray();
  REQUIRE(responses.size() == 3);
  for (const Json& response : responses) {
    const std::string& id = response.find("id")->asString();
    CAPTURE(id);
    // B had no policy (A's is not B's), so B's PUT creates one rather than meeting a 409.
    if (id == "1") CHECK(response.find("status")->asInt() == 404);
    if (id == "2") CHECK(response.find("status")->asInt() == 204);
    if (id == "3") {
      CHECK(response.find("status")->asInt() == 200);
      CHECK(response.find("body")->find("displayName")->asString() == "B");
    }
  }
  CHECK(displayNameIn(a) == "A");
  CHECK(emulator.stats().find("writesByPartner")->find(kTenantB)->find(kPartner)->asInt() == 1);
}

TEST_CASE("emulator tenants: --tenant NAME=ALIAS signs the alias in to the same policies",
          "[integration][emulator][tenants]") {
  constexpr const char* kGuid = "72F988BF-86F1-41AF-91AB-2D7CD011DB47";
  Emulator emulator({"--auto-create-partners", "--tenant", std::string(kGuid) + "=" + kContoso,
                     "--tenant", kTenantB});
  RawGraph byDomain(emulator);  // contoso.onmicrosoft.com
  RawGraph byGuid = signedInTo(emulator, "72f988bf-86f1-41af-91ab-2d7cd011db47");
  RawGraph other = signedInTo(emulator, kTenantB);
  REQUIRE(byDomain.send(HttpMethod::Put, kPolicy, policyBody("Contoso")).status == 204);

  CHECK(displayNameIn(byGuid) == "Contoso");
  CHECK(other.send(HttpMethod::Get, kPolicy).status == 404);
  // Named by the tenant's key: its first name, in lower case.
  CHECK(emulator.stats()
            .find("writesByPartner")
            ->find("72f988bf-86f1-41af-91ab-2d7cd011db47")
            ->find(kPartner)
            ->asInt() == 1);
}

TEST_CASE("emulator tenants: an alias that would hide a tenant is refused at startup",
          "[integration][emulator][tenants]") {
  const auto refused =
      testing_support::run({MSGRAPH_EMULATOR_PATH, "--port", "0", "--tenant", kTenantA, "--tenant",
                            std::string(kTenantB) + "=" + kTenantA});
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("--tenant tenant-b.example=tenant-a.example: 'tenant-a.example' is a "
                         "tenant of its own") != std::string::npos);
  const auto chained = testing_support::run({MSGRAPH_EMULATOR_PATH, "--port", "0", "--tenant",
                                             std::string(kTenantA) + "=x.example", "--tenant",
                                             "x.example=y.example"});
  CHECK(chained.exitCode == 2);
  CHECK(chained.err.find("'x.example' is an alias of 'tenant-a.example', not a tenant") !=
        std::string::npos);
}

TEST_CASE("emulator tenants: a data file of one store loads as the first tenant it names",
          "[integration][emulator][tenants][data]") {
  testing_support::TempDir dir;
  const std::string data = dir.write("state.json", version4File(R"(["Contoso.onmicrosoft.com"])"));
  {
    Emulator emulator({}, data);
    RawGraph contoso(emulator);
    const msgraph::HttpResponse got = contoso.send(HttpMethod::Get, kPolicy);
    REQUIRE(got.status == 200);
    CHECK(got.headers.get("ETag") == "W/\"7\"");
    CHECK(bodyOf(got).find("displayName")->asString() == "Old");
    CHECK(listed(contoso, kDeleted) == 1);
    REQUIRE(contoso.send(HttpMethod::Patch, kPolicy, R"({"displayName":"New"})").status == 204);
  }
  // Rewritten in the new format, under the tenant's key, nothing lost.
  const Json saved = Json::parse(contentOf(data));
  CHECK(saved.find("formatVersion")->asInt() == 5);
  CHECK(saved.find("partners") == nullptr);
  const Json& contoso = *saved.find("policies")->find(kContoso);
  CHECK(contoso.find("partners")
            ->find(kPartner)
            ->find("identitySynchronization")
            ->find("etag")
            ->asString() == "W/\"8\"");
  CHECK(contoso.find("deletedPolicies")->find("gone") != nullptr);
  Emulator again({}, data);
  RawGraph reader(again);
  CHECK(displayNameIn(reader) == "New");
  CHECK(listed(reader, kPartners) == 1);
}

TEST_CASE("emulator tenants: a data file of one store that names no tenant needs --tenant",
          "[integration][emulator][tenants][data]") {
  testing_support::TempDir dir;
  const std::string file = version4File("[]");
  const std::string data = dir.write("state.json", file);
  const auto refused = testing_support::run({MSGRAPH_EMULATOR_PATH, "--port", "0", "--data", data});
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("belong to no tenant it names: give --tenant NAME") != std::string::npos);
  CHECK(contentOf(data) == file);  // untouched

  // The first --tenant gets them; its alias reaches them too.
  Emulator emulator({"--tenant", std::string(kTenantA) + "=" + kContoso}, data);
  RawGraph viaAlias(emulator);
  CHECK(displayNameIn(viaAlias) == "Old");
  CHECK(listed(viaAlias, kDeleted) == 1);
}

// A fleet run's load: with the store's writes in place (O(log n) each, not a copy of every
// partner), a write at 10,000 partners costs about what one at 1,000 did. The figures are
// measured apart (no timing assertions here); this test proves that every write was applied
// exactly once, in its tenant, and that the list pages through all of them by key. 10,000, not
// more: under the sanitizers on a shared machine that is about 45 s of the 120 s a test may take.
TEST_CASE("emulator tenants: 10,000 partner writes are all applied and listed in order",
          "[integration][emulator][tenants][scale]") {
  constexpr int kPartnerCount = 10000;
  constexpr int kBatchSize = 20;  // Graph's $batch limit
  TwoTenants tenants({"--auto-create-partners"});
  auto& [emulator, a, b] = tenants;
  const auto idOf = [](int i) {
    std::string digits = std::to_string(i);
    return "p" + std::string(6 - digits.size(), '0') + digits;
  };
  for (int first = 0; first < kPartnerCount; first += kBatchSize) {
    std::string requests;
    for (int i = first; i < first + kBatchSize; ++i) {
      if (!requests.empty()) requests += ",";
      requests += R"({"id":")" + std::to_string(i) +
                  R"(","method":"PUT","url":)"
                  R"("/policies/crossTenantAccessPolicy/partners/)" +
                  idOf(i) +
                  R"(/identitySynchronization","headers":)"
                  R"({"Content-Type":"application/json"},"body":)" +
                  policyBody(idOf(i)) + "}";
    }
    const msgraph::HttpResponse batch =
        a.send(HttpMethod::Post, "/v1.0/$batch", R"({"requests":[)" + requests + "]}");
    REQUIRE(batch.status == 200);
    const Json answer = bodyOf(batch);
    for (const Json& item : answer.find("responses")->asArray()) {
      REQUIRE(item.find("status")->asInt() == 204);
    }
  }
  REQUIRE(b.send(HttpMethod::Put, kPolicy, policyBody("B")).status == 204);

  std::string next = kPartners + "?$top=999&$expand=identitySynchronization";
  int seen = 0;
  while (!next.empty()) {
    const msgraph::HttpResponse page = a.send(HttpMethod::Get, next);
    REQUIRE(page.status == 200);
    const Json body = bodyOf(page);
    for (const Json& partner : body.find("value")->asArray()) {
      REQUIRE(partner.find("tenantId")->asString() == idOf(seen));
      REQUIRE(partner.find("identitySynchronization")->find("displayName")->asString() ==
              idOf(seen));
      ++seen;
    }
    const Json* link = body.find("@odata.nextLink");
    next = link == nullptr ? std::string() : link->asString();
  }
  CHECK(seen == kPartnerCount);
  const Json stats = emulator.stats();
  const Json::Object& writesOfA = stats.find("writesByPartner")->find(kTenantA)->asObject();
  CHECK(writesOfA.size() == static_cast<std::size_t>(kPartnerCount));
  CHECK(stats.find("writesByPartner")->find(kTenantB)->asObject().size() == 1);
}
