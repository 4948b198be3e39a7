// SPDX-License-Identifier: MIT
// The fluent requests: URLs, headers, bodies, what-if, confirm, send/execute, responses.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"
#include "unit/mock_client.hpp"

using msgraph::HttpMethod;
using msgraph::testing::MockTransport;
namespace models = msgraph::models;

namespace {

const std::string kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";
const std::string kResource =
    "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/"
    "partners/90e29127-71ad-49c7-9ce8-db3f41ea06f1/identitySynchronization";

struct Fixture : msgraph_test::MockClient {
  msgraph::IdentitySynchronizationRequestBuilder sync(const std::string& partner = kPartner) {
    return client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
  }
};

models::IdentitySyncPolicyPartner seedPolicy() {
  models::UserSyncInbound inbound;
  inbound.isSyncAllowed = true;
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound = inbound;
  return policy;
}

}  // namespace

TEST_CASE("PUT sends the seed example to the documented URL", "[requests]") {
  Fixture f;
  f.mock->enqueue(204);
  auto response = f.sync().put(seedPolicy()).execute();

  REQUIRE(f.mock->requestCount() == 1);
  const msgraph::HttpRequest sent = f.mock->lastRequest();
  CHECK(sent.method == HttpMethod::Put);
  CHECK(sent.url == kResource);
  CHECK(sent.body == R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})");
  CHECK(sent.headers.get("Content-Type") == "application/json");
  CHECK(sent.headers.get("Accept") == "application/json");
  CHECK(sent.headers.get("Authorization") == "Bearer secret-token-value");
  CHECK(sent.headers.get("SdkVersion").value().substr(0, 10) == "graph-cpp/");
  CHECK(sent.headers.get("User-Agent").value().substr(0, 12) == "msgraph-cpp/");
  CHECK(response.status == 204);
  CHECK_FALSE(response.value.has_value());
  CHECK_FALSE(response.declined);
}

TEST_CASE("client-request-id is a fresh UUID v4 per call", "[requests]") {
  Fixture f;
  f.mock->enqueue(204).enqueue(204);
  f.sync().put(seedPolicy()).execute();
  f.sync().put(seedPolicy()).execute();
  const auto requests = f.mock->requests();
  const std::string first(requests.at(0).headers.get("client-request-id").value());
  const std::string second(requests.at(1).headers.get("client-request-id").value());
  CHECK(first != second);
  REQUIRE(first.size() == 36);
  CHECK(first[8] == '-');
  CHECK(first[14] == '4');                                          // version 4
  CHECK(std::string("89ab").find(first[19]) != std::string::npos);  // RFC 4122 variant

  SECTION("a caller's own client-request-id is kept") {
    f.mock->enqueue(204);
    f.sync().put(seedPolicy()).header("client-request-id", "my-id").execute();
    CHECK(f.mock->lastRequest().headers.get("client-request-id") == "my-id");
  }
}

TEST_CASE("GET reads the documented 200 response into the model", "[requests]") {
  Fixture f;
  msgraph::HttpResponse answer;
  answer.status = 200;
  answer.headers.add("Request-Id", "r-1");
  answer.body = R"({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#x",
    "tenantId":"9c5d131d-b1c3-4fc4-9e3f-c6557947d551","displayName":"Fabrikam",
    "userSyncInbound":{"isSyncAllowed":true}})";
  f.mock->enqueue(answer);

  auto response = f.sync().get().select({"displayName", "tenantId"}).execute();
  CHECK(f.mock->lastRequest().method == HttpMethod::Get);
  CHECK(f.mock->lastRequest().url == kResource + "?$select=displayName,tenantId");
  CHECK(f.mock->lastRequest().body.empty());
  CHECK_FALSE(f.mock->lastRequest().headers.contains("Content-Type"));
  REQUIRE(response.value.has_value());
  CHECK(response.value->displayName.value() == "Fabrikam");
  CHECK(response.value->tenantId.value() == "9c5d131d-b1c3-4fc4-9e3f-c6557947d551");
  CHECK(response.value->userSyncInbound->isSyncAllowed.value() == true);
  CHECK(response.value->additionalProperties.contains("@odata.context"));

  SECTION("response headers are looked up case-insensitively (-ResponseHeadersVariable)") {
    CHECK(response.headers.get("request-id") == "r-1");
    CHECK(response.headers.get("REQUEST-ID") == "r-1");
  }
}

TEST_CASE("GET with $expand and $select encodes each item", "[requests]") {
  Fixture f;
  f.mock->enqueue(200, "{}");
  f.sync().get().select({"a b"}).expand({"x/y"}).execute();
  CHECK(f.mock->lastRequest().url == kResource + "?$select=a%20b&$expand=x%2Fy");
}

TEST_CASE("PATCH sends only what is set, and null clears", "[requests]") {
  Fixture f;
  f.mock->enqueue(204);
  models::IdentitySyncPolicyPartner changes;
  changes.displayName = nullptr;
  changes.userSyncInbound.emplace().isSyncAllowed = false;
  f.sync().patch(changes).execute();
  CHECK(f.mock->lastRequest().method == HttpMethod::Patch);
  CHECK(f.mock->lastRequest().body ==
        R"({"displayName":null,"userSyncInbound":{"isSyncAllowed":false}})");
}

TEST_CASE("DELETE sends no body and If-Match when asked", "[requests]") {
  Fixture f;
  f.mock->enqueue(204);
  msgraph::Response<void> response = f.sync().remove().ifMatch("W/\"etag-1\"").execute();
  const auto sent = f.mock->lastRequest();
  CHECK(sent.method == HttpMethod::Delete);
  CHECK(sent.url == kResource);
  CHECK(sent.body.empty());
  CHECK(sent.headers.get("If-Match") == "W/\"etag-1\"");
  CHECK(response.status == 204);
}

TEST_CASE("partner ids are one percent-encoded path segment", "[requests]") {
  Fixture f;
  const std::string prefix =
      "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/";
  const auto urlFor = [&](const std::string& id) { return f.sync(id).get().whatIf().url; };
  CHECK(urlFor("../x") == prefix + "..%2Fx/identitySynchronization");
  CHECK(urlFor("a/b") == prefix + "a%2Fb/identitySynchronization");
  CHECK(urlFor("a?b") == prefix + "a%3Fb/identitySynchronization");
  CHECK(urlFor("a#b") == prefix + "a%23b/identitySynchronization");
  CHECK(urlFor("%41") == prefix + "%2541/identitySynchronization");
  CHECK(urlFor("a b") == prefix + "a%20b/identitySynchronization");
  CHECK(urlFor("...") == prefix + ".../identitySynchronization");
  CHECK(urlFor("\xC3\xA9") == prefix + "%C3%A9/identitySynchronization");
}

TEST_CASE("empty, dot and dot-dot partner ids are refused before sending", "[requests]") {
  Fixture f;
  for (const std::string id : {"", ".", ".."}) {
    auto result = f.sync(id).put(seedPolicy()).send();
    REQUIRE_FALSE(result.ok());
    const auto* error = dynamic_cast<const msgraph::ValidationError*>(&result.error());
    REQUIRE(error != nullptr);
    CHECK(error->field() == "partnerTenantId");
    CHECK_THROWS_AS(f.sync(id).put(seedPolicy()).execute(), msgraph::ValidationError);
    CHECK_THROWS_AS(f.sync(id).get().whatIf(), msgraph::ValidationError);
  }
  SECTION("invalid UTF-8 and control characters too") {
    CHECK_FALSE(f.sync("\xC3\x28").get().send().ok());
    CHECK_FALSE(f.sync("a\nb").get().send().ok());
  }
  CHECK(f.mock->requestCount() == 0);
}

TEST_CASE("partners(identity) reads the InputObject key", "[requests]") {
  Fixture f;
  models::Identity identity;
  identity.crossTenantAccessPolicyConfigurationPartnerTenantId = kPartner;
  identity.userId = "ignored";
  f.mock->enqueue(204);
  f.client.policies()
      .crossTenantAccessPolicy()
      .partners(identity)
      .identitySynchronization()
      .put(seedPolicy())
      .execute();
  CHECK(f.mock->lastRequest().url == kResource);

  SECTION("an identity without the key is a ValidationError, nothing sent") {
    f.mock->clearRequests();
    for (auto make : {+[](models::Identity&) {},
                      +[](models::Identity& id) {
                        id.crossTenantAccessPolicyConfigurationPartnerTenantId = nullptr;
                      }}) {
      models::Identity incomplete;
      make(incomplete);
      auto result = f.client.policies()
                        .crossTenantAccessPolicy()
                        .partners(incomplete)
                        .identitySynchronization()
                        .get()
                        .send();
      REQUIRE_FALSE(result.ok());
      const auto& error = dynamic_cast<const msgraph::ValidationError&>(result.error());
      CHECK(error.field() == "InputObject.crossTenantAccessPolicyConfigurationPartnerTenantId");
    }
    CHECK(f.mock->requestCount() == 0);
  }
}

TEST_CASE("header injection is refused and nothing is sent", "[requests]") {
  Fixture f;
  SECTION("CR LF in a value") {
    auto result = f.sync().put(seedPolicy()).header("x-custom", "1\r\nEvil: yes").send();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ValidationError*>(&result.error()) != nullptr);
    CHECK(std::string(result.error().what()).find("Evil") == std::string::npos);
  }
  SECTION("NUL in a value") {
    CHECK_FALSE(f.sync().get().header("x-custom", std::string("a\0b", 3)).send().ok());
  }
  SECTION("names that are not tokens") {
    for (const std::string name : {"", "x custom", "x:y", "x\r\ny", "caf\xC3\xA9"}) {
      CHECK_THROWS_AS(f.sync().get().header(name, "1").execute(), msgraph::ValidationError);
    }
  }
  CHECK(f.mock->requestCount() == 0);
}

TEST_CASE("custom headers are sent (-Headers)", "[requests]") {
  Fixture f;
  f.mock->enqueue(204);
  f.sync()
      .put(seedPolicy())
      .header("x-custom", "1")
      .header("x-ms-throttle-priority", "High")
      .execute();
  CHECK(f.mock->lastRequest().headers.get("x-custom") == "1");
  CHECK(f.mock->lastRequest().headers.get("X-MS-Throttle-Priority") == "High");
}

TEST_CASE("whatIf returns the exact request with Authorization redacted", "[requests]") {
  Fixture f;
  const msgraph::HttpRequest preview = f.sync().put(seedPolicy()).header("x-custom", "1").whatIf();
  CHECK(f.mock->requestCount() == 0);
  CHECK(preview.method == HttpMethod::Put);
  CHECK(preview.url == kResource);
  CHECK(preview.body == R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})");
  CHECK(preview.headers.get("Authorization") == "Bearer ***");
  CHECK(preview.headers.get("x-custom") == "1");
  CHECK(preview.headers.contains("client-request-id"));
  CHECK(preview.headers.contains("SdkVersion"));
  const std::string shown = preview.toDisplayString();
  CHECK(shown.find("secret-token-value") == std::string::npos);
  CHECK(shown.rfind("PUT " + kResource + "\n", 0) == 0);

  SECTION("the sent request has the same shape") {
    f.mock->enqueue(204);
    f.sync().put(seedPolicy()).header("x-custom", "1").execute();
    const auto sent = f.mock->lastRequest();
    REQUIRE(sent.headers.size() == preview.headers.size());
    auto expected = preview.headers.begin();
    for (const auto& [name, value] : sent.headers) {
      CHECK(name == expected->first);
      ++expected;
    }
  }
}

TEST_CASE("a declining confirm callback sends nothing and throws nothing", "[requests]") {
  Fixture f;
  msgraph::HttpRequest seen;
  auto response = f.sync()
                      .remove()
                      .confirm([&](const msgraph::HttpRequest& request) {
                        seen = request;
                        return false;
                      })
                      .execute();
  CHECK(response.declined);
  CHECK(response.status == 0);
  CHECK(f.mock->requestCount() == 0);
  CHECK(seen.method == HttpMethod::Delete);
  CHECK(seen.headers.get("Authorization") == "Bearer ***");

  SECTION("an accepting callback sends") {
    f.mock->enqueue(204);
    auto sent =
        f.sync().remove().confirm([](const msgraph::HttpRequest&) { return true; }).execute();
    CHECK_FALSE(sent.declined);
    CHECK(f.mock->requestCount() == 1);
  }
  SECTION("a client-wide callback applies to every call") {
    auto mock = std::make_shared<MockTransport>();
    msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).confirm(
        [](const msgraph::HttpRequest&) { return false; })};
    auto result = client.policies()
                      .crossTenantAccessPolicy()
                      .partners(kPartner)
                      .identitySynchronization()
                      .put(seedPolicy())
                      .send();
    REQUIRE(result.ok());
    CHECK(result.value().declined);
    CHECK(mock->requestCount() == 0);
  }
}

TEST_CASE("send() returns errors and execute() throws them with their type", "[requests]") {
  Fixture f;
  const std::string body = R"({"error":{"code":"Request_ResourceNotFound","message":"Not here.",
    "innerError":{"date":"2025-02-13T10:17:06","request-id":"93b6f17e","client-request-id":"e70c5c1b"}}})";
  f.mock->enqueue(404, body).enqueue(404, body);
  auto result = f.sync().get().send();
  REQUIRE_FALSE(result.ok());
  const auto& error = dynamic_cast<const msgraph::ServiceError&>(result.error());
  CHECK(error.status() == 404);
  CHECK(error.code() == "Request_ResourceNotFound");
  CHECK_THROWS_AS(result.value(), msgraph::ServiceError);
  CHECK_THROWS_AS(f.sync().get().execute(), msgraph::ServiceError);

  SECTION("transport failures come back too") {
    auto result2 = f.sync().get().send();  // the mock has nothing left: TransportError
    REQUIRE_FALSE(result2.ok());
    CHECK(dynamic_cast<const msgraph::TransportError*>(&result2.error()) != nullptr);
  }
}

TEST_CASE("a 200 body that does not match the model is a DeserializationError", "[requests]") {
  Fixture f;
  f.mock->enqueue(200, R"({"userSyncInbound":{"isSyncAllowed":"yes"}})");
  auto result = f.sync().get().send();
  REQUIRE_FALSE(result.ok());
  const auto& error = dynamic_cast<const msgraph::DeserializationError&>(result.error());
  CHECK(error.pointer() == "/userSyncInbound/isSyncAllowed");
}

TEST_CASE("a PUT answered 200 with a body fills value", "[requests]") {
  Fixture f;
  f.mock->enqueue(200, R"({"tenantId":"t","displayName":"Fabrikam"})");
  auto response = f.sync().put(seedPolicy()).execute();
  REQUIRE(response.value.has_value());
  CHECK(response.value->tenantId.value() == "t");
}

TEST_CASE("a body that cannot be serialized fails the call before sending", "[requests]") {
  // Graph's property names are case-insensitive: "DisplayName" would set displayName too.
  for (const char* key : {"displayName", "DisplayName"}) {
    CAPTURE(key);
    Fixture f;
    models::IdentitySyncPolicyPartner policy = seedPolicy();
    policy.additionalProperties.set(key, "shadow");
    auto result = f.sync().put(policy).send();
    REQUIRE_FALSE(result.ok());
    const auto& error = dynamic_cast<const msgraph::ValidationError&>(result.error());
    CHECK(error.field() == std::string("BodyParameter/") + key);
    CHECK(f.mock->requestCount() == 0);
  }
}

TEST_CASE("clouds, custom roots and API versions pick the URL", "[requests]") {
  auto mock = std::make_shared<MockTransport>();
  const auto urlWith = [&](msgraph::ClientOptions options) {
    msgraph::GraphClient client{options.transport(mock)};
    return client.policies()
        .crossTenantAccessPolicy()
        .partners("p")
        .identitySynchronization()
        .get()
        .whatIf()
        .url;
  };
  const std::string path = "/policies/crossTenantAccessPolicy/partners/p/identitySynchronization";
  CHECK(urlWith(msgraph::ClientOptions{}) == "https://graph.microsoft.com/v1.0" + path);
  CHECK(urlWith(msgraph::ClientOptions{}.cloud(msgraph::Cloud::UsGov)) ==
        "https://graph.microsoft.us/v1.0" + path);
  CHECK(urlWith(msgraph::ClientOptions{}.cloud(msgraph::Cloud::UsGovDoD)) ==
        "https://dod-graph.microsoft.us/v1.0" + path);
  CHECK(urlWith(msgraph::ClientOptions{}
                    .cloud(msgraph::Cloud::China)
                    .apiVersion(msgraph::ApiVersion::Beta)) ==
        "https://microsoftgraph.chinacloudapi.cn/beta" + path);
  CHECK(urlWith(msgraph::ClientOptions{}.baseUrl("http://127.0.0.1:8080/")) ==
        "http://127.0.0.1:8080/v1.0" + path);

  SECTION("a bad base URL is refused when the client is built") {
    CHECK_THROWS_AS(msgraph::GraphClient(msgraph::ClientOptions{}.baseUrl("ftp://x")),
                    msgraph::ValidationError);
    CHECK_THROWS_AS(msgraph::GraphClient(msgraph::ClientOptions{}.baseUrl("http://example.com")),
                    msgraph::ValidationError);
  }
}

TEST_CASE("the per-call timeout reaches the transport", "[requests]") {
  std::optional<std::chrono::milliseconds> seen;
  struct Spy final : msgraph::HttpTransport {
    std::optional<std::chrono::milliseconds>* seen;
    explicit Spy(std::optional<std::chrono::milliseconds>* s) : seen(s) {}
    msgraph::HttpResponse send(const msgraph::HttpRequest&,
                               const msgraph::CallContext& c) override {
      *seen = c.timeout();
      return msgraph::HttpResponse{204, {}, {}};
    }
  };
  msgraph::GraphClient client{msgraph::ClientOptions{}
                                  .transport(std::make_shared<Spy>(&seen))
                                  .timeout(std::chrono::seconds(5))};
  auto sync = client.policies().crossTenantAccessPolicy().partners("p").identitySynchronization();
  sync.remove().execute();
  CHECK(seen == std::chrono::milliseconds(5000));
  sync.remove().timeout(std::chrono::milliseconds(250)).execute();
  CHECK(seen == std::chrono::milliseconds(250));
}

TEST_CASE("headers that frame the message are refused", "[requests]") {
  Fixture f;
  for (const std::string name :
       {"Content-Length", "transfer-encoding", "Host", "Connection", "Expect", "Upgrade"}) {
    CHECK_THROWS_AS(f.sync().put(seedPolicy()).header(name, "2").execute(),
                    msgraph::ValidationError);
  }
  CHECK(f.mock->requestCount() == 0);
}

TEST_CASE("header names over 256 bytes and values over 8 KiB are refused", "[requests]") {
  Fixture f;
  const auto longName = f.sync().get().header(std::string(257, 'X'), "v").send();
  REQUIRE_FALSE(longName.ok());
  CHECK(std::string(longName.error().what()).find("longer than 256 bytes") != std::string::npos);
  const auto longValue = f.sync().get().header("X-Note", std::string(8193, 'v')).send();
  REQUIRE_FALSE(longValue.ok());
  CHECK(std::string(longValue.error().what()).find("header 'X-Note'") != std::string::npos);
  CHECK(f.mock->requestCount() == 0);
  CHECK(f.sync().get().header("X-Note", std::string(8192, 'v')).whatIf().method ==
        msgraph::HttpMethod::Get);
}

TEST_CASE("a redirect is a ServiceError, not followed", "[requests]") {
  Fixture f;
  msgraph::HttpResponse redirect;
  redirect.status = 302;
  redirect.headers.add("Location", "https://elsewhere.example/x");
  f.mock->enqueue(redirect);
  const auto result = f.sync().get().send();
  REQUIRE_FALSE(result.ok());
  const auto* error = dynamic_cast<const msgraph::ServiceError*>(&result.error());
  REQUIRE(error != nullptr);
  CHECK(error->status() == 302);
  CHECK(f.mock->requestCount() == 1);
}

TEST_CASE("a header line passed as a name does not echo its value", "[requests]") {
  Fixture f;
  auto result = f.sync().get().header("Authorization: Bearer eyJsecret", "").send();
  REQUIRE_FALSE(result.ok());
  CHECK(std::string(result.error().what()).find("eyJsecret") == std::string::npos);
}

TEST_CASE("whatIf masks secrets the caller set, with or without a credential", "[requests]") {
  auto mock = std::make_shared<MockTransport>();
  msgraph::GraphClient anonymous{msgraph::ClientOptions{}.transport(mock)};
  const auto preview = anonymous.policies()
                           .crossTenantAccessPolicy()
                           .partners("p")
                           .identitySynchronization()
                           .get()
                           .header("Authorization", "Bearer raw-token")
                           .header("Cookie", "session=abc")
                           .whatIf();
  CHECK(preview.headers.get("Authorization") == "Bearer ***");
  CHECK(preview.headers.get("Cookie") == "***");
}

TEST_CASE("the confirmed request is the one sent, client-request-id included", "[requests]") {
  Fixture f;
  f.mock->enqueue(204);
  std::string approvedId;
  f.sync()
      .remove()
      .confirm([&](const msgraph::HttpRequest& request) {
        approvedId = std::string(request.headers.get("client-request-id").value());
        return true;
      })
      .execute();
  CHECK(f.mock->lastRequest().headers.get("client-request-id") == approvedId);
}

TEST_CASE("base URLs with user info or a non-loopback http host are refused", "[requests]") {
  for (const std::string url : {"http://localhost:1@evil.example", "https://user:pw@host",
                                "https://graph.microsoft.com/?x=1", "http://128.0.0.1",
                                "http://localhost.evil.example", "http://[::2]"}) {
    CHECK_THROWS_AS(msgraph::GraphClient(msgraph::ClientOptions{}.baseUrl(url)),
                    msgraph::ValidationError);
  }
  // The one loopback rule (msgraph::isLoopbackHost): all of 127.0.0.0/8, ::1, localhost.
  for (const std::string url : {"http://[::1]:8080", "http://127.0.0.2", "http://LocalHost:80"}) {
    CHECK_NOTHROW(msgraph::GraphClient(msgraph::ClientOptions{}.baseUrl(url)));
  }
}
