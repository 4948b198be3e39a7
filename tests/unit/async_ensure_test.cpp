// SPDX-License-Identifier: MIT
// ensure's sendAsync(): the same reads, least writes and race recovery as send(), on the event
// loop of a MockAsyncTransport answering as Graph does (404 absent, 409 on a second PUT).
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_async_transport.hpp"
#include "unit/graph_answers.hpp"

using msgraph::EnsureOutcome;
using msgraph::HttpMethod;
namespace models = msgraph::models;
using msgraph_test::kConflict;
using msgraph_test::kNotFound;

namespace {

const std::string kPartnerUrl =
    "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/p1";

struct AsyncFixture {
  std::shared_ptr<msgraph::testing::MockAsyncTransport> mock =
      std::make_shared<msgraph::testing::MockAsyncTransport>();
  msgraph::GraphClient client{msgraph::ClientOptions{}.asyncTransport(mock).credential(
      std::make_shared<msgraph::StaticTokenCredential>("secret-token-value"))};

  msgraph::IdentitySynchronizationRequestBuilder sync() const {
    return client.policies().crossTenantAccessPolicy().partners("p1").identitySynchronization();
  }
  // Partner p1 with the policy "Fabrikam".
  msgraph::EnsurePartnerRequest partnerEnsure() const;
  std::vector<HttpMethod> methods() const {
    std::vector<HttpMethod> sent;
    for (const auto& request : mock->requests()) sent.push_back(request.method);
    return sent;
  }
};

models::IdentitySyncPolicyPartner policy(const std::string& name) {
  models::IdentitySyncPolicyPartner result;
  result.displayName = name;
  result.userSyncInbound.emplace().isSyncAllowed = true;
  return result;
}

msgraph::EnsurePartnerRequest AsyncFixture::partnerEnsure() const {
  models::CrossTenantAccessPolicyConfigurationPartner partner;
  partner.tenantId = "p1";
  return client.policies().crossTenantAccessPolicy().partners().ensure(partner, policy("Fabrikam"));
}

std::string asRead(models::IdentitySyncPolicyPartner stored) {
  stored.tenantId = "p1";
  return stored.toJson();
}

}  // namespace

TEST_CASE("async ensure PUTs an absent policy and writes nothing for an equal one",
          "[async][ensure][threads]") {
  AsyncFixture f;
  SECTION("absent") {
    f.mock->enqueue(404, kNotFound).enqueue(204);
    auto result = f.sync().ensure(policy("Fabrikam")).sendAsync().get();
    REQUIRE(result.ok());
    CHECK(result.value().outcome == EnsureOutcome::Created);
    CHECK(f.methods() == std::vector<HttpMethod>{HttpMethod::Get, HttpMethod::Put});
    CHECK(f.mock->requests().at(1).body == policy("Fabrikam").toJson());
    CHECK(result.value().attempts.size() == 2);
  }
  SECTION("equal") {
    f.mock->enqueue(200, asRead(policy("Fabrikam")));
    auto result = f.sync().ensure(policy("Fabrikam")).sendAsync().get();
    REQUIRE(result.ok());
    CHECK(result.value().outcome == EnsureOutcome::Unchanged);
    CHECK(f.mock->requestCount() == 1);
  }
  SECTION("different: a PATCH of what differs") {
    f.mock->enqueue(200, asRead(policy("Old"))).enqueue(204);
    auto result = f.sync().ensure(policy("New")).sendAsync().get();
    REQUIRE(result.ok());
    CHECK(result.value().outcome == EnsureOutcome::Updated);
    CHECK(result.value().changed == std::vector<std::string>{"/displayName"});
    CHECK(f.mock->requests().at(1).body == R"({"displayName":"New"})");
  }
}

TEST_CASE("async ensure recovers from races as the blocking one does", "[async][ensure][threads]") {
  AsyncFixture f;
  SECTION("created meanwhile: the PUT's 409 leads to a read and a PATCH") {
    f.mock->enqueue(404, kNotFound)
        .enqueue(409, kConflict)
        .enqueue(200, asRead(policy("Theirs")))
        .enqueue(204);
    auto result = f.sync().ensure(policy("Ours")).sendAsync().get();
    REQUIRE(result.ok());
    CHECK(result.value().outcome == EnsureOutcome::Updated);
    CHECK(f.methods() == std::vector<HttpMethod>{HttpMethod::Get, HttpMethod::Put, HttpMethod::Get,
                                                 HttpMethod::Patch});
    CHECK(result.value().attempts.size() == 4);
  }
  SECTION("a state that keeps changing gives up after three rounds, with every attempt") {
    for (int i = 0; i < 3; ++i) f.mock->enqueue(404, kNotFound).enqueue(409, kConflict);
    auto result = f.sync().ensure(policy("Ours")).sendAsync().get();
    REQUIRE_FALSE(result.ok());
    CHECK(std::string(result.error().what()).find("gave up") != std::string::npos);
    CHECK(result.error().attempts().size() == 6);
  }
  SECTION("a failed read is not taken for absence") {
    f.mock->enqueue(403, R"({"error":{"code":"Authorization_RequestDenied","message":"no"}})");
    auto result = f.sync().ensure(policy("Ours")).sendAsync().get();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ServiceError&>(result.error()).status() == 403);
    CHECK(f.mock->requestCount() == 1);
  }
  SECTION("a bad desired body is refused before any read") {
    models::IdentitySyncPolicyPartner desired;
    desired.additionalProperties.set("displayName", msgraph::Json("shadows a typed property"));
    auto result = f.sync().ensure(desired).sendAsync().get();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ValidationError*>(&result.error()) != nullptr);
    CHECK(f.mock->requestCount() == 0);
  }
}

TEST_CASE("async partner ensure creates an absent partner, then its policy",
          "[async][ensure][threads]") {
  AsyncFixture f;
  f.mock->enqueue(404, kNotFound).enqueue(201, R"({"tenantId":"p1"})");
  f.mock->enqueue(404, kNotFound).enqueue(204);
  auto result = f.partnerEnsure().sendAsync().get();
  REQUIRE(result.ok());
  CHECK(result.value().partnerCreated);
  CHECK(result.value().outcome == EnsureOutcome::Created);
  CHECK(f.methods() == std::vector<HttpMethod>{HttpMethod::Get, HttpMethod::Post, HttpMethod::Get,
                                               HttpMethod::Put});
  const auto requests = f.mock->requests();
  CHECK(requests[0].url == kPartnerUrl);
  CHECK(requests[3].url == kPartnerUrl + "/identitySynchronization");
  CHECK(result.value().attempts.size() == 4);
}

TEST_CASE("async partner ensure of a declined create writes no policy",
          "[async][ensure][threads]") {
  AsyncFixture f;
  f.mock->enqueue(404, kNotFound);
  auto result = f.partnerEnsure()
                    .confirm([](const msgraph::HttpRequest&) { return false; })
                    .sendAsync()
                    .get();
  REQUIRE(result.ok());
  CHECK(result.value().outcome == EnsureOutcome::Declined);
  CHECK(f.mock->requestCount() == 1);
}
