// SPDX-License-Identifier: MIT
// Partner configurations: the model, the collection (list with pages, create) and one partner
// (get, patch, remove), against MockTransport.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"
#include "unit/mock_client.hpp"

using msgraph::HttpMethod;
namespace models = msgraph::models;
using Partner = models::CrossTenantAccessPolicyConfigurationPartner;

namespace {

const std::string kPartners =
    "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners";
const std::string kPartnerId = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";

// A partner as the Graph reference's "Get a partner configuration" example shows it (shortened
// to the properties that matter here), with its expanded identity synchronization policy.
const std::string kPartnerJson =
    R"({"tenantId":"90e29127-71ad-49c7-9ce8-db3f41ea06f1","isServiceProvider":true,)"
    R"("isInMultiTenantOrganization":false,"inboundTrust":{"isMfaAccepted":true,)"
    R"("isCompliantDeviceAccepted":true,"isHybridAzureADJoinedDeviceAccepted":true},)"
    R"("automaticUserConsentSettings":{"inboundAllowed":true,"outboundAllowed":null},)"
    R"("identitySynchronization":{"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}},)"
    R"("b2bCollaborationInbound":null,"tenantRestrictions":{"devices":null}})";

struct Fixture : msgraph_test::MockClient {
  msgraph::PartnersRequestBuilder partners() {
    return client.policies().crossTenantAccessPolicy().partners();
  }
  msgraph::PartnerRequestBuilder partner(const std::string& id = kPartnerId) {
    return client.policies().crossTenantAccessPolicy().partners(id);
  }
};

std::string pageJson(const std::string& items, const std::string& nextLink = {}) {
  std::string json = R"({"@odata.context":"x","value":[)" + items + "]";
  if (!nextLink.empty()) json += R"(,"@odata.nextLink":")" + nextLink + "\"";
  return json + "}";
}

std::string partnerItem(const std::string& tenantId) {
  return R"({"tenantId":")" + tenantId + R"("})";
}

}  // namespace

TEST_CASE("a partner configuration reads and writes back what Graph sends, unknown keys kept",
          "[partners]") {
  const Partner partner = Partner::fromJson(kPartnerJson);
  CHECK(partner.tenantId == kPartnerId);
  CHECK(partner.isServiceProvider == true);
  CHECK(partner.isInMultiTenantOrganization == false);
  REQUIRE(partner.automaticUserConsentSettings.hasValue());
  CHECK(partner.automaticUserConsentSettings->inboundAllowed == true);
  CHECK(partner.automaticUserConsentSettings->outboundAllowed.isNull());
  REQUIRE(partner.identitySynchronization.hasValue());
  CHECK(partner.identitySynchronization->displayName == "Fabrikam");
  CHECK(partner.additionalProperties.find("inboundTrust") != nullptr);
  CHECK(partner.additionalProperties.find("b2bCollaborationInbound") != nullptr);
  CHECK(
      partner.toJson() ==
      R"({"tenantId":"90e29127-71ad-49c7-9ce8-db3f41ea06f1","isServiceProvider":true,)"
      R"("isInMultiTenantOrganization":false,)"
      R"("automaticUserConsentSettings":{"inboundAllowed":true,"outboundAllowed":null},)"
      R"("identitySynchronization":{"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}},)"
      R"("inboundTrust":{"isMfaAccepted":true,"isCompliantDeviceAccepted":true,)"
      R"("isHybridAzureADJoinedDeviceAccepted":true},"b2bCollaborationInbound":null,)"
      R"("tenantRestrictions":{"devices":null}})");
  CHECK(Partner::fromJson(partner.toJson()) == partner);

  SECTION("a partner without a policy has identitySynchronization null") {
    const Partner bare = Partner::fromJson(R"({"tenantId":"t","identitySynchronization":null})");
    CHECK(bare.identitySynchronization.isNull());
  }
  SECTION("a typed field of the wrong type names its pointer") {
    try {
      Partner::fromJson(R"({"automaticUserConsentSettings":{"inboundAllowed":"yes"}})");
      FAIL("no DeserializationError");
    } catch (const msgraph::DeserializationError& error) {
      CHECK(error.pointer() == "/automaticUserConsentSettings/inboundAllowed");
    }
  }
}

TEST_CASE("create POSTs the partner to the collection and reads the 201 answer", "[partners]") {
  Fixture f;
  f.mock->enqueue(201, partnerItem(kPartnerId));
  Partner partner;
  partner.tenantId = kPartnerId;
  const auto created = f.partners().create(partner).execute();
  CHECK(created.status == 201);
  REQUIRE(created.value.has_value());
  CHECK(created.value->tenantId == kPartnerId);
  const msgraph::HttpRequest sent = f.mock->lastRequest();
  CHECK(sent.method == HttpMethod::Post);
  CHECK(sent.url == kPartners);
  CHECK(sent.body == R"({"tenantId":"90e29127-71ad-49c7-9ce8-db3f41ea06f1"})");
  CHECK(sent.headers.get("Content-Type") == "application/json");
}

TEST_CASE("a POST is not retried after a 503 unless retryPatch allows it, but after a 429",
          "[partners]") {
  Fixture f;
  msgraph::RetryOptions retry;
  retry.maxRetries = 2;
  retry.sleeper = [](std::chrono::milliseconds) {};
  Partner partner;
  partner.tenantId = kPartnerId;
  SECTION("by default, one attempt") {
    f.mock->enqueue(503).enqueue(201, partnerItem(kPartnerId));
    const auto result = f.partners().create(partner).retry(retry).send();
    CHECK_FALSE(result.ok());
    CHECK(f.mock->requestCount() == 1);
  }
  SECTION("with retryPatch, retried") {
    retry.retryPatch = true;
    f.mock->enqueue(503).enqueue(201, partnerItem(kPartnerId));
    CHECK(f.partners().create(partner).retry(retry).send().ok());
    CHECK(f.mock->requestCount() == 2);
  }
  SECTION("a 429 says Graph did not process it: retried by default") {
    msgraph::HttpResponse throttled;
    throttled.status = 429;
    throttled.headers.add("Retry-After", "0");
    f.mock->enqueue(throttled).enqueue(201, partnerItem(kPartnerId));
    CHECK(f.partners().create(partner).retry(retry).send().ok());
    CHECK(f.mock->requestCount() == 2);
  }
}

TEST_CASE("get, patch and remove address one partner configuration", "[partners]") {
  Fixture f;
  const std::string url = kPartners + "/" + kPartnerId;

  SECTION("get with $select and $expand") {
    f.mock->enqueue(200, kPartnerJson);
    const auto got =
        f.partner().get().select({"tenantId"}).expand({"identitySynchronization"}).execute();
    CHECK(f.mock->lastRequest().method == HttpMethod::Get);
    CHECK(f.mock->lastRequest().url == url + "?$select=tenantId&$expand=identitySynchronization");
    REQUIRE(got.value.has_value());
    CHECK(got.value->isServiceProvider == true);
  }
  SECTION("patch sends only what is set, null clears") {
    f.mock->enqueue(204);
    Partner changes;
    models::InboundOutboundPolicyConfiguration consent;
    consent.inboundAllowed = true;
    changes.automaticUserConsentSettings = consent;
    changes.isServiceProvider = nullptr;
    const auto patched = f.partner().patch(changes).execute();
    CHECK(patched.status == 204);
    CHECK_FALSE(patched.value.has_value());
    CHECK(f.mock->lastRequest().method == HttpMethod::Patch);
    CHECK(f.mock->lastRequest().url == url);
    CHECK(f.mock->lastRequest().body ==
          R"({"isServiceProvider":null,"automaticUserConsentSettings":{"inboundAllowed":true}})");
  }
  SECTION("remove") {
    f.mock->enqueue(204);
    CHECK(f.partner().remove().execute().status == 204);
    CHECK(f.mock->lastRequest().method == HttpMethod::Delete);
    CHECK(f.mock->lastRequest().url == url);
  }
  SECTION("a bad partner id fails before anything is sent") {
    const auto result = f.partner("..").get().send();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ValidationError*>(&result.error()) != nullptr);
    CHECK(f.mock->requestCount() == 0);
  }
}

TEST_CASE("list pages follow @odata.nextLink one page at a time", "[partners]") {
  Fixture f;
  const std::string next = kPartners + "?$top=2&$skiptoken=opaque%2Btoken";
  f.mock->enqueue(200, pageJson(partnerItem("a") + "," + partnerItem("b"), next))
      .enqueue(200, pageJson(partnerItem("c")));
  auto pages = f.partners().list().top(2).expand({"identitySynchronization"}).pages();
  std::vector<std::string> seen;
  int fetched = 0;
  while (pages.hasNext()) {
    auto page = pages.next();
    REQUIRE(page.ok());
    ++fetched;
    CHECK(f.mock->requestCount() == static_cast<std::size_t>(fetched));  // lazily, one by one
    for (const Partner& partner : page.value().value->value) seen.push_back(*partner.tenantId);
  }
  CHECK(seen == std::vector<std::string>{"a", "b", "c"});
  const auto requests = f.mock->requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].url == kPartners + "?$top=2&$expand=identitySynchronization");  // call order
  CHECK(requests[1].url == next);  // exactly the link, its own query, nothing added
  CHECK_FALSE(pages.next().ok());  // no page left
}

TEST_CASE("a nextLink off the client's service root is not followed", "[partners]") {
  Fixture f;
  const std::string link = GENERATE(
      as<std::string>{}, "https://evil.example/v1.0/policies/crossTenantAccessPolicy/partners",
      "https://graph.microsoft.com/beta/policies/crossTenantAccessPolicy/partners",
      "https://graph.microsoft.com/v1.0@evil.example/partners", "https://graph.microsoft.com/v1.0",
      "http://graph.microsoft.com/v1.0/partners",
      "https://graph.microsoft.com/v1.0/partners\r\nX-Injected: 1");
  CAPTURE(link);
  msgraph::Json page = msgraph::Json::parse(pageJson(partnerItem("a")));
  page.asObject().set("@odata.nextLink", msgraph::Json(link));
  f.mock->enqueue(200, page.dump());
  auto pages = f.partners().list().pages();
  REQUIRE(pages.next().ok());  // the page itself is good
  REQUIRE(pages.hasNext());
  const auto refused = pages.next();
  REQUIRE_FALSE(refused.ok());
  const auto* error = dynamic_cast<const msgraph::DeserializationError*>(&refused.error());
  REQUIRE(error != nullptr);
  CHECK(error->pointer() == "/@odata.nextLink");
  CHECK(f.mock->requestCount() == 1);  // nothing was sent to the link
}

TEST_CASE("list options are checked before anything is sent", "[partners]") {
  Fixture f;
  const int count = GENERATE(0, -1, 1000);
  const auto result = f.partners().list().top(count).send();
  REQUIRE_FALSE(result.ok());
  const auto* error = dynamic_cast<const msgraph::ValidationError*>(&result.error());
  REQUIRE(error != nullptr);
  CHECK(error->field() == "top");
  CHECK(f.mock->requestCount() == 0);
}

TEST_CASE("a page item of the wrong shape names its pointer in the page", "[partners]") {
  Fixture f;
  f.mock->enqueue(200, pageJson(partnerItem("a") + R"(,{"isServiceProvider":"yes"})"));
  const auto result = f.partners().list().send();
  REQUIRE_FALSE(result.ok());
  const auto* error = dynamic_cast<const msgraph::DeserializationError*>(&result.error());
  REQUIRE(error != nullptr);
  CHECK(error->pointer() == "/value/1/isServiceProvider");
}
