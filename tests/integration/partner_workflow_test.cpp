// SPDX-License-Identifier: MIT
// The partner workflow as Graph answers it ("Configure cross-tenant synchronization using
// PowerShell or Microsoft Graph API", target-tenant side): a policy is created once by PUT and
// changed by PATCH, partners are created once by POST.
#include <catch2/catch.hpp>

#include <map>

#include "integration/emulator.hpp"
#include "integration/raw_graph.hpp"
#include "support/error_of.hpp"

using testing_support::Emulator;
using testing_support::RawGraph;
namespace models = msgraph::models;

namespace {

const std::string kPartner = "5a1c9f62-3b7e-4d08-a4f1-7c2e9b0d3a55";
const std::string kPartners = "/v1.0/policies/crossTenantAccessPolicy/partners";

auto syncOf(const msgraph::GraphClient& client, const std::string& partner = kPartner) {
  return client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
}

models::IdentitySyncPolicyPartner policyNamed(const std::string& name) {
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = name;
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  return policy;
}

// The messages of Graph's duplicate-key error, as "Configure cross-tenant synchronization using
// PowerShell or Microsoft Graph API" (troubleshooting) quotes them.
const std::string kPolicyConflict =
    "A conflicting object with one or more of the specified property values is present in the "
    "directory.";
const std::string kTenantIdConflict =
    "Another object with the same value for property tenantId already exists.";

void postPartner(RawGraph& raw, const std::string& id) {
  REQUIRE(
      raw.send(msgraph::HttpMethod::Post, kPartners, R"({"tenantId":")" + id + R"("})").status ==
      201);
}

// Requires Graph's duplicate-key error: 409, the code and `message`, one ConflictingObjects
// detail, the ids.
void requireConflict(const std::string& rawBody, const std::string& message = kPolicyConflict) {
  const msgraph::Json body = msgraph::Json::parse(rawBody);
  const msgraph::Json* error = body.find("error");
  REQUIRE(error != nullptr);
  CHECK(error->find("code")->asString() == "Request_MultipleObjectsWithSameKeyValue");
  CHECK(error->find("message")->asString() == message);
  const msgraph::Json::Array& details = error->find("details")->asArray();
  REQUIRE(details.size() == 1);
  CHECK(details[0].find("code")->asString() == "ConflictingObjects");
  CHECK(details[0].find("message")->asString() == message);
  CHECK(details[0].find("target")->isString());
  const msgraph::Json* inner = error->find("innerError");
  REQUIRE(inner != nullptr);
  for (const char* key : {"date", "request-id", "client-request-id"}) {
    CHECK(inner->find(key)->isString());
  }
}

}  // namespace

TEST_CASE("partners: a second PUT of a policy is 409 and leaves the first", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  REQUIRE(syncOf(client).put(policyNamed("first")).execute().status == 204);
  // Kept as a string: the headers' view dies with the response.
  const std::string before(syncOf(client).get().execute().headers.get("ETag").value_or(""));
  REQUIRE_FALSE(before.empty());

  const auto error = msgraph_test::errorOf<msgraph::ServiceError>(
      syncOf(client).put(policyNamed("second")).header("client-request-id", "dup-put").send());
  CHECK(error.status() == 409);
  CHECK(error.code() == "Request_MultipleObjectsWithSameKeyValue");
  CHECK(error.clientRequestId() == "dup-put");
  CHECK_FALSE(error.requestId().empty());
  requireConflict(error.rawBody());

  const auto after = syncOf(client).get().execute();
  CHECK(after.value->displayName.value() == "first");
  CHECK(after.headers.get("ETag").value_or("") == before);

  SECTION("a PATCH changes it, a PUT after a DELETE creates it anew") {
    CHECK(syncOf(client).patch(policyNamed("patched")).execute().status == 204);
    CHECK(syncOf(client).get().execute().value->displayName.value() == "patched");
    CHECK(syncOf(client).remove().execute().status == 204);
    CHECK(syncOf(client).put(policyNamed("again")).execute().status == 204);
    CHECK(syncOf(client).get().execute().value->displayName.value() == "again");
  }
}

TEST_CASE("partners: a second PUT inside $batch is 409 too", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  RawGraph raw(emulator);
  const auto put = [](const std::string& id, const std::string& dependsOn) {
    return R"({"id":")" + id + R"(","method":"PUT","url":"/policies/crossTenantAccessPolicy/)" +
           R"(partners/)" + kPartner + R"(/identitySynchronization","headers":)" +
           R"({"Content-Type":"application/json"},"body":{"displayName":"x"})" + dependsOn + "}";
  };
  // dependsOn orders the two: Graph may run independent batch items in any order.
  const std::string batch =
      R"({"requests":[)" + put("1", "") + "," + put("2", R"(,"dependsOn":["1"])") + "]}";
  const auto response = raw.send(msgraph::HttpMethod::Post, "/v1.0/$batch", batch);
  REQUIRE(response.status == 200);
  const msgraph::Json body = msgraph::Json::parse(response.body);
  int created = 0;
  int conflicts = 0;
  for (const msgraph::Json& item : body.find("responses")->asArray()) {
    const auto status = item.find("status")->asInt();
    created += status == 204 ? 1 : 0;
    if (status == 409) {
      ++conflicts;
      CHECK(item.find("body")->find("error")->find("code")->asString() ==
            "Request_MultipleObjectsWithSameKeyValue");
    }
  }
  CHECK(created == 1);
  CHECK(conflicts == 1);
}

TEST_CASE("partners: POST of a partner that exists is 409", "[integration]") {
  Emulator emulator;
  RawGraph raw(emulator);
  const std::string body = R"({"tenantId":")" + kPartner + R"("})";
  CHECK(raw.send(msgraph::HttpMethod::Post, kPartners, body).status == 201);
  const auto again = raw.send(msgraph::HttpMethod::Post, kPartners, body);
  CHECK(again.status == 409);
  CHECK(again.headers.get("request-id").has_value());
  CHECK(again.headers.get("client-request-id") == RawGraph::kClientRequestId);
  requireConflict(again.body, kTenantIdConflict);
}

TEST_CASE("partners: PATCH merges into the partner configuration", "[integration]") {
  Emulator emulator;
  RawGraph raw(emulator);
  const std::string partner = kPartners + "/" + kPartner;
  REQUIRE(raw.send(msgraph::HttpMethod::Post, kPartners,
                   R"({"tenantId":")" + kPartner + R"(","inboundTrust":{"isMfaAccepted":true}})")
              .status == 201);
  const auto patched = raw.send(msgraph::HttpMethod::Patch, partner, R"({
  "automaticUserConsentSettings": {"inboundAllowed": true},
  "inboundTrust": {"isCompliantDeviceAccepted": true},
  "isServiceProvider": true
})");
  CHECK(patched.status == 204);
  CHECK(patched.body.empty());
  const auto got = raw.send(msgraph::HttpMethod::Get, partner);
  REQUIRE(got.status == 200);
  msgraph::Json body = msgraph::Json::parse(got.body);
  CHECK(body.asObject().erase("@odata.context"));
  CHECK(body == msgraph::Json::parse(R"({
  "tenantId": ")" + kPartner + R"(",
  "inboundTrust": {"isMfaAccepted": true, "isCompliantDeviceAccepted": true},
  "automaticUserConsentSettings": {"inboundAllowed": true},
  "isServiceProvider": true
})"));

  SECTION("a tenantId other than the path's is refused") {
    CHECK(raw.send(msgraph::HttpMethod::Patch, partner, R"({"tenantId":"someone-else"})").status ==
          400);
  }
  SECTION("a partner with a policy is not deleted") {
    const auto client = emulator.client();
    REQUIRE(syncOf(client).put(policyNamed("x")).execute().status == 204);
    CHECK(raw.send(msgraph::HttpMethod::Delete, partner).status == 400);
    CHECK(syncOf(client).remove().execute().status == 204);
    CHECK(raw.send(msgraph::HttpMethod::Delete, partner).status == 204);
  }
}

TEST_CASE("partners: PATCH of an unknown partner or an absent policy is 404 as Graph words it",
          "[integration]") {
  Emulator emulator;
  RawGraph raw(emulator);
  postPartner(raw, kPartner);
  const std::string partner = kPartners + "/" + kPartner;
  for (const auto& [target, body] :
       {std::pair{kPartners + "/" + kPartner + "0", R"({"isServiceProvider":true})"},
        std::pair{partner + "/identitySynchronization", R"({"displayName":"x"})"}}) {
    INFO(target);
    const auto response = raw.send(msgraph::HttpMethod::Patch, target, body);
    CHECK(response.status == 404);
    const msgraph::Json error = *msgraph::Json::parse(response.body).find("error");
    CHECK(error.find("code")->asString() == "Directory_ObjectNotFound");
    CHECK(error.find("message")->asString() ==
          "Unable to read the company information from the directory.");
  }
  // GET and DELETE keep Graph's usual 404 wording.
  CHECK(raw.send(msgraph::HttpMethod::Get, partner + "/identitySynchronization")
            .body.find("Request_ResourceNotFound") != std::string::npos);
}

namespace {

std::string partnerName(int i) {
  std::string digits = std::to_string(i);
  return "tenant-" + std::string(4 - digits.size(), '0') + digits;
}

std::string nextLinkOf(RawGraph& raw, const std::string& query) {
  const auto page = raw.send(msgraph::HttpMethod::Get, kPartners + query);
  REQUIRE(page.status == 200);
  return msgraph::Json::parse(page.body).find("@odata.nextLink")->asString();
}

std::string hexOf(const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const char c : text) {
    hex += kHex[static_cast<unsigned char>(c) >> 4];
    hex += kHex[static_cast<unsigned char>(c) & 0xF];
  }
  return hex;
}

}  // namespace

TEST_CASE("partners: 1,050 partners page by page while partners come and go", "[integration]") {
  Emulator emulator;
  RawGraph raw(emulator);
  // In $batch requests of 20 (Graph's limit): 53 round trips rather than 1,050.
  for (int first = 0; first < 1050; first += 20) {
    std::string batch = R"({"requests":[)";
    for (int i = first; i < first + 20 && i < 1050; ++i) {
      batch += (i == first ? "" : ",") + std::string(R"({"id":")") + std::to_string(i) +
               R"(","method":"POST","url":"/policies/crossTenantAccessPolicy/partners",)" +
               R"("headers":{"Content-Type":"application/json"},"body":{"tenantId":")" +
               partnerName(i) + R"("}})";
    }
    REQUIRE(raw.send(msgraph::HttpMethod::Post, "/v1.0/$batch", batch + "]}").status == 200);
  }
  // Partners that exist throughout must be listed exactly once; the others may or may not be.
  std::map<std::string, int> seen;
  std::string link = kPartners;
  int pages = 0;
  while (!link.empty()) {
    const auto page = raw.send(msgraph::HttpMethod::Get, link);
    REQUIRE(page.status == 200);
    const msgraph::Json body = msgraph::Json::parse(page.body);
    const auto& value = body.find("value")->asArray();
    CHECK(value.size() <= 100);
    for (const msgraph::Json& partner : value) ++seen[partner.find("tenantId")->asString()];
    const msgraph::Json* next = body.find("@odata.nextLink");
    link = next != nullptr ? next->asString() : std::string();
    if (++pages == 1) {
      // Between the first and second page: one seen and one unseen partner go, two come, one
      // sorting before the cursor and one after it.
      CHECK(raw.send(msgraph::HttpMethod::Delete, kPartners + "/" + partnerName(10)).status == 204);
      CHECK(raw.send(msgraph::HttpMethod::Delete, kPartners + "/" + partnerName(500)).status ==
            204);
      postPartner(raw, partnerName(5) + "a");
      postPartner(raw, partnerName(700) + "a");
    }
    REQUIRE(pages < 50);  // a link that never ends would loop forever
  }
  for (int i = 0; i < 1050; ++i) {
    if (i == 10 || i == 500) continue;
    CHECK(seen[partnerName(i)] == 1);
  }
  CHECK(seen[partnerName(700) + "a"] == 1);  // added after the cursor: listed once
  CHECK(seen[partnerName(5) + "a"] == 0);    // added before it: not listed again
  CHECK(seen[partnerName(500)] == 0);        // removed before its page
  CHECK(pages == 11);
}

TEST_CASE("partners: $top, $select, $expand and bad skip tokens", "[integration]") {
  Emulator emulator;
  RawGraph raw(emulator);
  for (int i = 0; i < 5; ++i) postPartner(raw, partnerName(i));
  const auto client = emulator.client();
  REQUIRE(syncOf(client, partnerName(1)).put(policyNamed("one")).execute().status == 204);

  SECTION("$top and $expand=identitySynchronization") {
    const auto page =
        raw.send(msgraph::HttpMethod::Get, kPartners + "?$top=2&$expand=identitySynchronization");
    REQUIRE(page.status == 200);
    const msgraph::Json body = msgraph::Json::parse(page.body);
    const auto& value = body.find("value")->asArray();
    REQUIRE(value.size() == 2);
    CHECK(value[0].find("identitySynchronization")->isNull());
    CHECK(value[1].find("identitySynchronization")->find("displayName")->asString() == "one");
    const std::string next = body.find("@odata.nextLink")->asString();
    CHECK(next.find("$top=2") != std::string::npos);
    CHECK(next.find("$expand=identitySynchronization") != std::string::npos);
    const msgraph::Json second =
        msgraph::Json::parse(raw.send(msgraph::HttpMethod::Get, next).body);
    CHECK(second.find("value")->asArray()[0].find("tenantId")->asString() == partnerName(2));
  }
  SECTION("$select") {
    REQUIRE(raw.send(msgraph::HttpMethod::Patch, kPartners + "/" + partnerName(0),
                     R"({"isServiceProvider":true})")
                .status == 204);
    const msgraph::Json body = msgraph::Json::parse(
        raw.send(msgraph::HttpMethod::Get, kPartners + "?$select=isServiceProvider").body);
    const msgraph::Json& first = body.find("value")->asArray().at(0);
    CHECK(first == msgraph::Json::parse(R"({"isServiceProvider":true})"));
  }
  SECTION("a forged or malformed skip token is a 400 with Graph's error body") {
    // The token the emulator issued, with its key changed to another well-formed partner id
    // (a forgery), its signature cut, or its shape broken.
    const std::string issued = nextLinkOf(raw, "?$top=2");
    const std::string token = issued.substr(issued.find("$skiptoken=") + 11);
    const std::string forged = "p2-" + hexOf(partnerName(5)) + token.substr(token.find('.'));
    const std::string unsigned_ = token.substr(0, token.find('.'));
    for (const std::string& bad :
         {forged, unsigned_, token.substr(0, token.size() - 2), token + "00",
          "p1-" + hexOf(partnerName(1)), std::string("p2-"), std::string("p2-zz.00"),
          std::string("abc"), std::string("%41%42")}) {
      INFO(bad);
      const auto page = raw.send(msgraph::HttpMethod::Get, kPartners + "?$skiptoken=" + bad);
      CHECK(page.status == 400);
      const msgraph::Json body = msgraph::Json::parse(page.body);
      CHECK(body.find("error")->find("code")->asString() == "BadRequest");
      CHECK(body.find("error")->find("innerError")->find("request-id")->isString());
    }
  }
  SECTION("a skip token issued by another emulator run is a 400") {
    Emulator other;
    RawGraph otherRaw(other);
    for (int i = 0; i < 5; ++i) postPartner(otherRaw, partnerName(i));
    const std::string issued = nextLinkOf(raw, "?$top=2");
    const std::string query = issued.substr(issued.find("?"));
    CHECK(otherRaw.send(msgraph::HttpMethod::Get, kPartners + query).status == 400);
    CHECK(raw.send(msgraph::HttpMethod::Get, kPartners + query).status == 200);
  }
  SECTION("a bad $top or $expand is a 400") {
    for (const std::string query : {"$top=0", "$top=1000", "$top=x", "$expand=owners"}) {
      CHECK(raw.send(msgraph::HttpMethod::Get, kPartners + "?" + query).status == 400);
    }
  }
}
