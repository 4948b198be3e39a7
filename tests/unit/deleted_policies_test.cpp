// SPDX-License-Identifier: MIT
// Deleted identity synchronization policies (beta only): list with pages, restore, permanent
// removal, and the refusal on a v1.0 client, against MockTransport.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"
#include "unit/mock_client.hpp"

using msgraph::HttpMethod;
namespace models = msgraph::models;

namespace {

const std::string kDeleted =
    "https://graph.microsoft.com/beta/policies/deletedItems/crossTenantSyncPolicyPartners";
const std::string kPartnerId = "01d0e717-bc90-46ba-94a9-71b4a811fddb";

// The restore example of the Graph reference (crosstenantidentitysyncpolicypartner-restore).
const std::string kRestored =
    R"({"@odata.context":"https://graph.microsoft.com/beta/$metadata#microsoft.graph.)"
    R"(crossTenantIdentitySyncPolicyPartner","tenantId":"01d0e717-bc90-46ba-94a9-71b4a811fddb",)"
    R"("displayName":null,"deletedDateTime":"2025-06-18T23:14:25Z",)"
    R"("externalCloudAuthorizedApplicationId":null,"userSyncInbound":null})";

std::string deletedItem(const std::string& tenantId) {
  return R"({"@odata.type":"#microsoft.graph.crossTenantIdentitySyncPolicyPartner",)"
         R"("deletedDateTime":"2025-06-18T23:14:25Z","tenantId":")" +
         tenantId + R"("})";
}

// A mock client of the given API version (beta unless said otherwise).
struct Fixture {
  explicit Fixture(msgraph::ApiVersion version = msgraph::ApiVersion::Beta)
      : client(msgraph::ClientOptions{}
                   .apiVersion(version)
                   .transport(mock)
                   .credential(std::make_shared<msgraph::StaticTokenCredential>("token"))
                   .retry(msgraph_test::noRetries())) {}

  msgraph::DeletedItemsRequestBuilder deletedItems() const {
    return client.policies().deletedItems();
  }

  std::shared_ptr<msgraph::testing::MockTransport> mock =
      std::make_shared<msgraph::testing::MockTransport>();
  msgraph::GraphClient client;
};

}  // namespace

TEST_CASE("the deleted policies list pages with deletedDateTime", "[deleted]") {
  Fixture f;
  const std::string next = kDeleted + "?$skiptoken=t";
  f.mock
      ->enqueue(200,
                R"({"value":[)" + deletedItem("a") + R"(],"@odata.nextLink":")" + next + R"("})")
      .enqueue(200, R"({"value":[)" + deletedItem("b") + "]}");
  auto pages = f.deletedItems().crossTenantSyncPolicyPartners().list().pages();
  std::vector<std::string> seen;
  while (pages.hasNext()) {
    auto page = pages.next();
    REQUIRE(page.ok());
    for (const models::IdentitySyncPolicyPartner& policy : page.value().value->value) {
      CHECK(policy.deletedDateTime == "2025-06-18T23:14:25Z");
      seen.push_back(*policy.tenantId);
    }
  }
  CHECK(seen == std::vector<std::string>{"a", "b"});
  const auto requests = f.mock->requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].method == HttpMethod::Get);
  CHECK(requests[0].url == kDeleted);
  CHECK(requests[1].url == next);
}

TEST_CASE("restore POSTs the action and reads the policy, remove DELETEs it", "[deleted]") {
  Fixture f;
  const auto policy = f.deletedItems().crossTenantSyncPolicyPartners(kPartnerId);
  SECTION("restore") {
    f.mock->enqueue(200, kRestored);
    const auto restored = policy.restore().execute();
    CHECK(restored.status == 200);
    CHECK(restored.value->tenantId == kPartnerId);
    CHECK(f.mock->lastRequest().method == HttpMethod::Post);
    CHECK(f.mock->lastRequest().url == kDeleted + "/" + kPartnerId + "/restore");
  }
  SECTION("remove") {
    f.mock->enqueue(204);
    CHECK(policy.remove().execute().status == 204);
    CHECK(f.mock->lastRequest().method == HttpMethod::Delete);
    CHECK(f.mock->lastRequest().url == kDeleted + "/" + kPartnerId);
  }
  SECTION("a bad id fails before anything is sent") {
    const auto result = f.deletedItems().crossTenantSyncPolicyPartners("..").remove().send();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ValidationError*>(&result.error()) != nullptr);
    CHECK(f.mock->requestCount() == 0);
  }
}

TEST_CASE("a restore is a POST: not retried after a 503 in flight", "[deleted]") {
  Fixture f;
  msgraph::RetryOptions retry;
  retry.maxRetries = 2;
  retry.sleeper = [](std::chrono::milliseconds) {};
  f.mock->enqueue(503).enqueue(200, kRestored);
  const auto result =
      f.deletedItems().crossTenantSyncPolicyPartners(kPartnerId).restore().retry(retry).send();
  CHECK_FALSE(result.ok());
  CHECK(f.mock->requestCount() == 1);
}

TEST_CASE("on a v1.0 client the deleted items fail before sending, naming apiVersion",
          "[deleted]") {
  Fixture f(msgraph::ApiVersion::V1_0);
  const auto deleted = f.deletedItems();
  const auto check = [&](const msgraph::Error& error) {
    const auto* validation = dynamic_cast<const msgraph::ValidationError*>(&error);
    REQUIRE(validation != nullptr);
    CHECK(validation->field() == "apiVersion");
    CHECK(validation->reason().find("beta") != std::string::npos);
  };
  const auto listed = deleted.crossTenantSyncPolicyPartners().list().send();
  REQUIRE_FALSE(listed.ok());
  check(listed.error());
  const auto restored = deleted.crossTenantSyncPolicyPartners(kPartnerId).restore().send();
  REQUIRE_FALSE(restored.ok());
  check(restored.error());
  const auto removed = deleted.crossTenantSyncPolicyPartners(kPartnerId).remove().send();
  REQUIRE_FALSE(removed.ok());
  check(removed.error());
  CHECK_THROWS_AS(deleted.crossTenantSyncPolicyPartners().list().execute(),
                  msgraph::ValidationError);
  CHECK(f.mock->requestCount() == 0);
}
