// SPDX-License-Identifier: MIT
// ensure: read, compare, the least write, and the races of concurrent writers, against
// MockTransport answering as Graph does (404 absent, 409 on a second PUT).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "msgraph/msgraph.hpp"
#include "unit/graph_answers.hpp"
#include "unit/mock_client.hpp"

using msgraph::EnsureOutcome;
using msgraph::HttpMethod;
namespace models = msgraph::models;
using msgraph_test::kConflict;
using msgraph_test::kNotFound;

namespace {

struct Fixture : msgraph_test::MockClient {
  msgraph::IdentitySynchronizationRequestBuilder sync() {
    return client.policies().crossTenantAccessPolicy().partners("p1").identitySynchronization();
  }
  std::vector<HttpMethod> methods() const {
    std::vector<HttpMethod> sent;
    for (const auto& request : mock->requests()) sent.push_back(request.method);
    return sent;
  }
};

models::IdentitySyncPolicyPartner policy(const std::string& name, bool allowed) {
  models::UserSyncInbound inbound;
  inbound.isSyncAllowed = allowed;
  models::IdentitySyncPolicyPartner result;
  result.displayName = name;
  result.userSyncInbound = inbound;
  return result;
}

// The policy as Graph answers a GET: annotations and the read-only tenantId included.
std::string asRead(const models::IdentitySyncPolicyPartner& stored) {
  models::IdentitySyncPolicyPartner read = stored;
  read.tenantId = "p1";
  read.additionalProperties.set("@odata.context", msgraph::Json("https://graph.microsoft.com/x"));
  return read.toJson();
}

}  // namespace

TEST_CASE("ensure on an absent policy PUTs it", "[ensure]") {
  Fixture f;
  f.mock->enqueue(404, kNotFound).enqueue(204);
  const auto result = f.sync().ensure(policy("Fabrikam", true)).execute();
  CHECK(result.outcome == EnsureOutcome::Created);
  CHECK(f.methods() == std::vector<HttpMethod>{HttpMethod::Get, HttpMethod::Put});
  CHECK(f.mock->lastRequest().body == policy("Fabrikam", true).toJson());
  CHECK(result.attempts.size() == 2);
}

TEST_CASE("ensure on an equal policy writes nothing", "[ensure]") {
  Fixture f;
  f.mock->enqueue(200, asRead(policy("Fabrikam", true)));
  const auto result = f.sync().ensure(policy("Fabrikam", true)).execute();
  CHECK(result.outcome == EnsureOutcome::Unchanged);
  CHECK(result.changed.empty());
  CHECK(f.mock->requestCount() == 1);  // @odata.context and tenantId are not differences
}

TEST_CASE("ensure PATCHes only the properties that differ", "[ensure]") {
  Fixture f;
  SECTION("a top-level property") {
    f.mock->enqueue(200, asRead(policy("Old", true))).enqueue(204);
    const auto result = f.sync().ensure(policy("New", true)).execute();
    CHECK(result.outcome == EnsureOutcome::Updated);
    CHECK(result.changed == std::vector<std::string>{"/displayName"});
    CHECK(f.mock->lastRequest().method == HttpMethod::Patch);
    CHECK(f.mock->lastRequest().body == R"({"displayName":"New"})");
  }
  SECTION("a nested property") {
    f.mock->enqueue(200, asRead(policy("Fabrikam", true))).enqueue(204);
    const auto result = f.sync().ensure(policy("Fabrikam", false)).execute();
    CHECK(result.changed == std::vector<std::string>{"/userSyncInbound/isSyncAllowed"});
    CHECK(f.mock->lastRequest().body == R"({"userSyncInbound":{"isSyncAllowed":false}})");
  }
  SECTION("a property absent from desired is left alone") {
    f.mock->enqueue(200, asRead(policy("Kept", true))).enqueue(204);
    models::IdentitySyncPolicyPartner desired;
    models::UserSyncInbound inbound;
    inbound.isSyncAllowed = false;
    desired.userSyncInbound = inbound;
    f.sync().ensure(desired).execute();
    CHECK(f.mock->lastRequest().body == R"({"userSyncInbound":{"isSyncAllowed":false}})");
  }
  SECTION("an explicit null clears a value, and is no change where there is none") {
    models::IdentitySyncPolicyPartner desired;
    desired.displayName = nullptr;
    f.mock->enqueue(200, asRead(policy("Named", true))).enqueue(204);
    CHECK(f.sync().ensure(desired).execute().outcome == EnsureOutcome::Updated);
    CHECK(f.mock->lastRequest().body == R"({"displayName":null})");
    models::IdentitySyncPolicyPartner unnamed;
    f.mock->enqueue(200, unnamed.toJson());
    CHECK(f.sync().ensure(desired).execute().outcome == EnsureOutcome::Unchanged);
  }
  SECTION("additional properties compare as JSON, annotations never") {
    models::IdentitySyncPolicyPartner desired = policy("Fabrikam", true);
    desired.additionalProperties.set("futureFlag", msgraph::Json(true));
    desired.additionalProperties.set("@odata.type", msgraph::Json("#anything"));
    f.mock->enqueue(200, asRead(policy("Fabrikam", true))).enqueue(204);
    const auto result = f.sync().ensure(desired).execute();
    CHECK(result.changed == std::vector<std::string>{"/futureFlag"});
    CHECK(f.mock->lastRequest().body == R"({"futureFlag":true})");
  }
}

TEST_CASE("ensure recovers when another writer races it", "[ensure]") {
  Fixture f;
  SECTION("created meanwhile: the PUT's 409 leads to a read and a PATCH") {
    f.mock->enqueue(404, kNotFound)
        .enqueue(409, kConflict)
        .enqueue(200, asRead(policy("Theirs", true)))
        .enqueue(204);
    const auto result = f.sync().ensure(policy("Ours", true)).execute();
    CHECK(result.outcome == EnsureOutcome::Updated);
    CHECK(f.methods() == std::vector<HttpMethod>{HttpMethod::Get, HttpMethod::Put, HttpMethod::Get,
                                                 HttpMethod::Patch});
    CHECK(f.mock->lastRequest().body == R"({"displayName":"Ours"})");
    CHECK(result.attempts.size() == 4);
  }
  SECTION("deleted meanwhile: the PATCH's 404 leads to a read and a PUT") {
    f.mock->enqueue(200, asRead(policy("Old", true)))
        .enqueue(404, kNotFound)
        .enqueue(404, kNotFound)
        .enqueue(204);
    const auto result = f.sync().ensure(policy("New", true)).execute();
    CHECK(result.outcome == EnsureOutcome::Created);
    CHECK(f.methods() == std::vector<HttpMethod>{HttpMethod::Get, HttpMethod::Patch,
                                                 HttpMethod::Get, HttpMethod::Put});
  }
  SECTION("a state that keeps changing gives up after three rounds, with every attempt") {
    for (int i = 0; i < 3; ++i) f.mock->enqueue(404, kNotFound).enqueue(409, kConflict);
    const auto result = f.sync().ensure(policy("Ours", true)).send();
    REQUIRE_FALSE(result.ok());
    CHECK(std::string(result.error().what()).find("gave up") != std::string::npos);
    CHECK(result.error().attempts().size() == 6);
  }
}

TEST_CASE("ensure never reads a failure as absent", "[ensure]") {
  Fixture f;
  const int status = GENERATE(429, 500, 503, 403, 401);
  CAPTURE(status);
  f.mock->enqueue(status, R"({"error":{"code":"x","message":"y"}})").enqueue(204);
  const auto result = f.sync().ensure(policy("Fabrikam", true)).send();
  REQUIRE_FALSE(result.ok());
  const auto* error = dynamic_cast<const msgraph::ServiceError*>(&result.error());
  REQUIRE(error != nullptr);
  CHECK(error->status() == status);
  CHECK(f.mock->requestCount() == 1);  // no PUT on a guess
  CHECK(result.error().attempts().size() == 1);
}

TEST_CASE("ensure's plan reads and shows the write without sending it", "[ensure]") {
  Fixture f;
  f.mock->enqueue(200, asRead(policy("Old", true)));
  const auto plan = f.sync().ensure(policy("New", true)).plan();
  REQUIRE(plan.ok());
  CHECK(plan.value().outcome == EnsureOutcome::Updated);
  REQUIRE(plan.value().writes.size() == 1);
  CHECK(plan.value().writes[0].method == HttpMethod::Patch);
  CHECK(plan.value().writes[0].body == R"({"displayName":"New"})");
  CHECK(plan.value().writes[0].headers.get("Authorization") == "Bearer ***");
  CHECK(f.mock->requestCount() == 1);
}

TEST_CASE("a declined write is reported, a bad desired body refused before any read", "[ensure]") {
  Fixture f;
  SECTION("declined") {
    f.mock->enqueue(404, kNotFound);
    const auto result = f.sync()
                            .ensure(policy("Fabrikam", true))
                            .confirm([](const msgraph::HttpRequest&) { return false; })
                            .execute();
    CHECK(result.outcome == EnsureOutcome::Declined);
    CHECK(f.mock->requestCount() == 1);
  }
  SECTION("refused") {
    models::IdentitySyncPolicyPartner desired;
    desired.additionalProperties.set("displayName", msgraph::Json("shadows a typed property"));
    const auto result = f.sync().ensure(desired).send();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ValidationError*>(&result.error()) != nullptr);
    CHECK(f.mock->requestCount() == 0);
  }
}

namespace {

const std::string kPartnerUrl =
    "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/p1";

models::CrossTenantAccessPolicyConfigurationPartner partnerWithConsent(bool inbound) {
  models::CrossTenantAccessPolicyConfigurationPartner partner;
  partner.tenantId = "p1";
  partner.automaticUserConsentSettings.emplace().inboundAllowed = inbound;
  return partner;
}

}  // namespace

TEST_CASE("partner ensure creates an absent partner, then its policy", "[ensure]") {
  Fixture f;
  f.mock->enqueue(404, kNotFound).enqueue(201, R"({"tenantId":"p1"})");
  f.mock->enqueue(404, kNotFound).enqueue(204);
  const auto result = f.client.policies()
                          .crossTenantAccessPolicy()
                          .partners()
                          .ensure(partnerWithConsent(true), policy("Fabrikam", true))
                          .execute();
  CHECK(result.partnerCreated);
  CHECK(result.outcome == EnsureOutcome::Created);
  CHECK(f.methods() == std::vector<HttpMethod>{HttpMethod::Get, HttpMethod::Post, HttpMethod::Get,
                                               HttpMethod::Put});
  const auto requests = f.mock->requests();
  CHECK(requests[0].url == kPartnerUrl);
  CHECK(requests[1].url ==
        "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners");
  CHECK(requests[1].body ==
        R"({"tenantId":"p1","automaticUserConsentSettings":{"inboundAllowed":true}})");
  CHECK(requests[3].url == kPartnerUrl + "/identitySynchronization");
  CHECK(result.attempts.size() == 4);
}

TEST_CASE("partner ensure patches only the partner properties that differ", "[ensure]") {
  Fixture f;
  f.mock
      ->enqueue(200, R"({"tenantId":"p1","automaticUserConsentSettings":{"inboundAllowed":false,)"
                     R"("outboundAllowed":false},"inboundTrust":{"isMfaAccepted":true}})")
      .enqueue(204)
      .enqueue(200, asRead(policy("Fabrikam", true)));
  const auto result = f.client.policies()
                          .crossTenantAccessPolicy()
                          .partners()
                          .ensure(partnerWithConsent(true), policy("Fabrikam", true))
                          .execute();
  CHECK_FALSE(result.partnerCreated);
  CHECK(result.partnerChanged ==
        std::vector<std::string>{"/automaticUserConsentSettings/inboundAllowed"});
  CHECK(result.outcome == EnsureOutcome::Unchanged);
  const auto requests = f.mock->requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[1].method == HttpMethod::Patch);
  CHECK(requests[1].url == kPartnerUrl);
  CHECK(requests[1].body == R"({"automaticUserConsentSettings":{"inboundAllowed":true}})");
}

TEST_CASE("partner ensure: a partner created meanwhile (POST 409) is read and left as is",
          "[ensure]") {
  Fixture f;
  f.mock->enqueue(404, kNotFound)
      .enqueue(409, kConflict)
      .enqueue(200, partnerWithConsent(true).toJson());
  const auto result = f.client.policies()
                          .crossTenantAccessPolicy()
                          .partners()
                          .ensure(partnerWithConsent(true))
                          .execute();
  CHECK_FALSE(result.partnerCreated);
  CHECK(result.partnerChanged.empty());
  CHECK(f.mock->requestCount() == 3);  // no policy given: none ensured
}

TEST_CASE("partner ensure needs a valid tenantId and plans without writing", "[ensure]") {
  Fixture f;
  SECTION("no tenantId: refused, nothing sent") {
    models::CrossTenantAccessPolicyConfigurationPartner partner;
    const auto result =
        f.client.policies().crossTenantAccessPolicy().partners().ensure(partner).send();
    REQUIRE_FALSE(result.ok());
    const auto* error = dynamic_cast<const msgraph::ValidationError*>(&result.error());
    REQUIRE(error != nullptr);
    CHECK(error->field() == "partner.tenantId");
    CHECK(f.mock->requestCount() == 0);
  }
  SECTION("a tenantId that would change the path: refused, naming the field, nothing sent") {
    models::CrossTenantAccessPolicyConfigurationPartner partner;
    partner.tenantId = "..";
    const auto result =
        f.client.policies().crossTenantAccessPolicy().partners().ensure(partner).send();
    REQUIRE_FALSE(result.ok());
    const auto* error = dynamic_cast<const msgraph::ValidationError*>(&result.error());
    REQUIRE(error != nullptr);
    CHECK(error->field() == "partner.tenantId");
    CHECK(std::string(error->what()).find("'.' or '..'") != std::string::npos);
    CHECK(f.mock->requestCount() == 0);
  }
  SECTION("the plan for an absent partner: a POST, then the policy's PUT, after one read") {
    f.mock->enqueue(404, kNotFound);
    const auto plan = f.client.policies()
                          .crossTenantAccessPolicy()
                          .partners()
                          .ensure(partnerWithConsent(true), policy("Fabrikam", true))
                          .plan();
    REQUIRE(plan.ok());
    CHECK(plan.value().partnerCreated);
    CHECK(plan.value().outcome == EnsureOutcome::Created);
    REQUIRE(plan.value().writes.size() == 2);
    CHECK(plan.value().writes[0].method == HttpMethod::Post);
    CHECK(plan.value().writes[1].method == HttpMethod::Put);
    CHECK(f.mock->requestCount() == 1);
  }
}
