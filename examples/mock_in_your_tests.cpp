// SPDX-License-Identifier: MIT
// How to unit-test your own code that uses msgraph: give the client a MockTransport (from the
// msgraph::testing target), queue the answers Graph would give, and check what was sent.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <memory>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"

// The code under test: your application's function that turns on inbound user sync.
static bool enableInboundSync(const msgraph::GraphClient& client, const std::string& partner) {
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  auto result = client.policies()
                    .crossTenantAccessPolicy()
                    .partners(partner)
                    .identitySynchronization()
                    .patch(policy)
                    .send();
  return result.ok();
}

TEST_CASE("enableInboundSync PATCHes isSyncAllowed=true") {
  auto mock = std::make_shared<msgraph::testing::MockTransport>();
  mock->enqueue(204);
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock)};

  REQUIRE(enableInboundSync(client, "partner-1"));

  const msgraph::HttpRequest sent = mock->lastRequest();
  CHECK(sent.method == msgraph::HttpMethod::Patch);
  CHECK(sent.url ==
        "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/partner-1/"
        "identitySynchronization");
  CHECK(sent.body == R"({"userSyncInbound":{"isSyncAllowed":true}})");
}

TEST_CASE("enableInboundSync reports Graph's refusal") {
  auto mock = std::make_shared<msgraph::testing::MockTransport>();
  mock->enqueue(403, R"({"error":{"code":"Authorization_RequestDenied","message":"No."}})");
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock)};
  CHECK_FALSE(enableInboundSync(client, "partner-1"));
}
