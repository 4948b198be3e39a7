// SPDX-License-Identifier: MIT
// The emulator answers as ../shared/graph-contract.md documents Graph and the identity platform:
// the same status codes, the same JSON shapes, the same headers. Raw HTTP, no models in between.
#include <catch2/catch.hpp>

#include "integration/emulator.hpp"
#include "integration/raw_graph.hpp"

using testing_support::Emulator;

namespace {

const std::string kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";

// The identity-sync policy of kPartner, raw.
class PolicyWire {
 public:
  explicit PolicyWire(const Emulator& emulator) : raw_(emulator) {}

  msgraph::HttpResponse send(msgraph::HttpMethod method, const std::string& body = {}) {
    return raw_.send(
        method,
        "/v1.0/policies/crossTenantAccessPolicy/partners/" + kPartner + "/identitySynchronization",
        body);
  }

 private:
  testing_support::RawGraph raw_;
};

void requireGraphHeaders(const msgraph::HttpResponse& response) {
  CHECK(response.headers.get("request-id").has_value());
  CHECK(response.headers.get("client-request-id") == testing_support::RawGraph::kClientRequestId);
  CHECK(response.headers.get("Date").has_value());
}

}  // namespace

TEST_CASE("contract: PUT of the documented body is 204 No Content", "[integration][contract]") {
  Emulator emulator({"--auto-create-partners"});
  PolicyWire graph(emulator);
  const auto response = graph.send(msgraph::HttpMethod::Put, R"({
  "displayName": "Fabrikam",
  "userSyncInbound": {
    "isSyncAllowed": true
  }
})");
  CHECK(response.status == 204);
  CHECK(response.body.empty());
  requireGraphHeaders(response);

  SECTION("GET returns the documented object") {
    const auto got = graph.send(msgraph::HttpMethod::Get);
    CHECK(got.status == 200);
    CHECK(got.headers.get("Content-Type").value_or("").find("application/json") == 0);
    msgraph::Json body = msgraph::Json::parse(got.body);
    REQUIRE(body.isObject());
    CHECK(body.asObject().erase("@odata.context"));
    CHECK(body == msgraph::Json::parse(R"({
  "tenantId": ")" + kPartner + R"(",
  "displayName": "Fabrikam",
  "userSyncInbound": {
    "isSyncAllowed": true
  }
})"));
  }
  SECTION("PATCH and DELETE are 204 too") {
    CHECK(graph.send(msgraph::HttpMethod::Patch, R"({"userSyncInbound":{"isSyncAllowed":true}})")
              .status == 204);
    CHECK(graph.send(msgraph::HttpMethod::Delete).status == 204);
  }
}

TEST_CASE("contract: errors carry Graph's error body", "[integration][contract]") {
  Emulator emulator({"--auto-create-partners"});
  PolicyWire graph(emulator);
  const auto response = graph.send(msgraph::HttpMethod::Get);  // no policy yet
  CHECK(response.status == 404);
  requireGraphHeaders(response);
  const msgraph::Json body = msgraph::Json::parse(response.body);
  const msgraph::Json* error = body.find("error");
  REQUIRE(error != nullptr);
  CHECK(error->find("code")->isString());
  CHECK(error->find("message")->isString());
  const msgraph::Json* inner = error->find("innerError");
  REQUIRE(inner != nullptr);
  CHECK(inner->find("date")->asString().size() == std::string("2025-02-13T10:17:06").size());
  CHECK(inner->find("request-id")->asString() ==
        std::string(response.headers.get("request-id").value()));
  CHECK(inner->find("client-request-id")->asString() ==
        testing_support::RawGraph::kClientRequestId);
}

TEST_CASE("contract: the token endpoint answers like the identity platform",
          "[integration][contract]") {
  Emulator emulator;
  msgraph::CurlTransport transport(emulator.transportOptions());
  const auto post = [&](const std::string& form) {
    msgraph::HttpRequest request;
    request.method = msgraph::HttpMethod::Post;
    request.url = emulator.baseUrl() + "/contoso.onmicrosoft.com/oauth2/v2.0/token";
    request.headers.add("Content-Type", "application/x-www-form-urlencoded");
    request.body = form;
    return transport.send(request, {});
  };
  const std::string app = std::string("client_id=") + Emulator::kClientId +
                          "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
                          "&grant_type=client_credentials";
  SECTION("success") {
    const auto ok = post(app + "&client_secret=s3cr3t~value%26with%3Dspecials");
    CHECK(ok.status == 200);
    const msgraph::Json body = msgraph::Json::parse(ok.body);
    CHECK(body.find("token_type")->asString() == "Bearer");
    CHECK(body.find("expires_in")->isNumber());
    CHECK_FALSE(body.find("access_token")->asString().empty());
  }
  SECTION("a wrong secret") {
    const auto refused = post(app + "&client_secret=wrong");
    CHECK((refused.status == 400 || refused.status == 401));
    const msgraph::Json body = msgraph::Json::parse(refused.body);
    CHECK(body.find("error")->asString() == "invalid_client");
    CHECK(body.find("error_description")->asString().rfind("AADSTS7000215:", 0) == 0);
    CHECK(body.find("error_codes")->asArray().at(0) == msgraph::Json(7000215));
    for (const char* key : {"timestamp", "trace_id", "correlation_id"}) {
      CHECK(body.find(key)->isString());
    }
  }
}
