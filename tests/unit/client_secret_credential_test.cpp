// SPDX-License-Identifier: MIT
// ClientSecretCredential: the client-credentials form it posts to the cloud's token URL, how it
// reads the answer, the arguments it refuses, and a GraphClient signing in with it.
#include <catch2/catch.hpp>

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "msgraph/auth/client_secret_credential.hpp"
#include "unit/credential_test_support.hpp"

using namespace msgraph_test::credentials;
using msgraph::ClientSecretCredential;

namespace {

// One mock for both the token endpoint (tokens "issued-1", "issued-2", ...) and Graph (answers
// from `graphStatuses` in order, then 204).
class LoginAndGraph {
 public:
  explicit LoginAndGraph(std::vector<int> graphStatuses = {}) : state_(std::make_shared<State>()) {
    state_->graphStatuses.assign(graphStatuses.begin(), graphStatuses.end());
    mock = std::make_shared<MockTransport>([state = state_](const HttpRequest& request) {
      std::lock_guard<std::mutex> lock(state->mutex);
      if (isTokenRequest(request)) {
        return response(200, tokenBody("issued-" + std::to_string(++state->tokensIssued)));
      }
      int status = 204;
      if (!state->graphStatuses.empty()) {
        status = state->graphStatuses.front();
        state->graphStatuses.pop_front();
      }
      return response(status, status == 401 ? R"({"error":{"code":"InvalidAuthenticationToken",
                                                "message":"Access token has expired."}})"
                                            : "");
    });
  }

  static bool isTokenRequest(const HttpRequest& request) {
    return contains(request.url, "/oauth2/v2.0/token");
  }
  std::vector<HttpRequest> requests(bool tokenRequests) const {
    std::vector<HttpRequest> chosen;
    for (auto& request : mock->requests()) {
      if (isTokenRequest(request) == tokenRequests) chosen.push_back(request);
    }
    return chosen;
  }

  std::shared_ptr<MockTransport> mock;

 private:
  struct State {
    std::mutex mutex;
    std::deque<int> graphStatuses;
    int tokensIssued = 0;
  };
  std::shared_ptr<State> state_;
};

msgraph::GraphClient graphClient(const LoginAndGraph& service, Cloud cloud) {
  msgraph::TokenCredentialOptions options;
  options.cloud = cloud;
  options.transport = service.mock;
  return msgraph::GraphClient{msgraph::ClientOptions{}
                                  .transport(service.mock)
                                  .cloud(cloud)
                                  .credential(std::make_shared<ClientSecretCredential>(
                                      kTenant, kClientId, kSecret, options))};
}

auto partnerSync(const msgraph::GraphClient& client) {
  return client.policies().crossTenantAccessPolicy().partners("p").identitySynchronization();
}

}  // namespace

TEST_CASE("ClientSecretCredential posts the client-credentials form to the cloud's token URL",
          "[auth]") {
  struct Case {
    Cloud cloud;
    std::string authorityHost;
    std::string url;
  };
  const Case c = GENERATE(values<Case>({
      {Cloud::Global, "", kGlobalTokenUrl},
      {Cloud::UsGov, "",
       "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token"},
      {Cloud::UsGovDoD, "",
       "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token"},
      {Cloud::China, "",
       "https://login.chinacloudapi.cn/contoso.onmicrosoft.com/oauth2/v2.0/token"},
      {Cloud::Global, "https://127.0.0.1:8443",
       "https://127.0.0.1:8443/contoso.onmicrosoft.com/oauth2/v2.0/token"},
      {Cloud::China, "https://127.0.0.1:8443/",
       "https://127.0.0.1:8443/contoso.onmicrosoft.com/oauth2/v2.0/token"},
  }));
  CAPTURE(c.url);
  MockTokenEndpoint endpoint;
  endpoint.mock->enqueue(200, tokenBody("t"));
  auto options = endpoint.options(c.cloud);
  options.authorityHost = c.authorityHost;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, options);
  fetch(credential, "https://example.test/.default");

  REQUIRE(endpoint.mock->requestCount() == 1);
  const HttpRequest request = endpoint.mock->lastRequest();
  CHECK(request.method == msgraph::HttpMethod::Post);
  CHECK(request.url == c.url);
  CHECK(request.headers.get("Content-Type") == "application/x-www-form-urlencoded");
  const std::map<std::string, std::string> expected{{"grant_type", "client_credentials"},
                                                    {"client_id", kClientId},
                                                    {"client_secret", kSecret},
                                                    {"scope", "https://example.test/.default"}};
  CHECK(form(request) == expected);
}

TEST_CASE("ClientSecretCredential percent-encodes every form value", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.mock->enqueue(200, tokenBody("t"));
  const std::string secret = "a&b=c+d e%f\xC3\xA9\xE2\x82\xAC~._-";  // ...é€ and unreserved
  ClientSecretCredential credential(kTenant, "id with space", secret, endpoint.options());
  fetch(credential);

  const auto raw = rawForm(endpoint.mock->lastRequest().body);
  CHECK(raw.at("client_secret") == "a%26b%3Dc%2Bd%20e%25f%C3%A9%E2%82%AC~._-");
  CHECK(raw.at("client_id") == "id%20with%20space");
  CHECK(raw.at("scope") == "https%3A%2F%2Fgraph.microsoft.com%2F.default");
  CHECK(raw.at("grant_type") == "client_credentials");
  CHECK(form(endpoint.mock->lastRequest()).at("client_secret") == secret);
}

TEST_CASE("ClientSecretCredential reads the token and dates it by the clock", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  SECTION("expires_in as a number") {
    endpoint.mock->enqueue(200, tokenBody("eyJ0eXAiOiJKV1Qi.payload.sig", 3599));
    const auto token = fetch(credential);
    CHECK(token.token == "eyJ0eXAiOiJKV1Qi.payload.sig");
    CHECK(token.expiresOn == endpoint.clock.now() + 3599s);
  }
  SECTION("expires_in as a string (older endpoints)") {
    endpoint.mock->enqueue(200, tokenBody("t", "1200"));
    CHECK(fetch(credential).expiresOn == endpoint.clock.now() + 1200s);
  }
  SECTION("an answer without access_token is an AuthenticationError") {
    endpoint.mock->enqueue(200, R"({"token_type":"Bearer","expires_in":3599})");
    CHECK_THROWS_AS(fetch(credential), AuthenticationError);
  }
  SECTION("a 200 that is not JSON is an AuthenticationError") {
    endpoint.mock->enqueue(200, "<html>proxy</html>");
    CHECK_THROWS_AS(fetch(credential), AuthenticationError);
  }
}

TEST_CASE("ClientSecretCredential refuses empty or control-character arguments", "[auth]") {
  MockTokenEndpoint endpoint;
  struct Case {
    std::string tenant, clientId, secret, field;
  };
  const Case c = GENERATE(values<Case>({
      {"", kClientId, kSecret, "tenantId"},
      {kTenant, "", kSecret, "clientId"},
      {kTenant, kClientId, "", "clientSecret"},
      {"contoso\n", kClientId, kSecret, "tenantId"},
      {kTenant, "id\x01", kSecret, "clientId"},
      {kTenant, kClientId, "secret\r\nX-Injected: 1", "clientSecret"},
      {kTenant, kClientId, "secret\x7f", "clientSecret"},
  }));
  CAPTURE(c.field);
  const auto error = validationErrorFrom(
      [&] { ClientSecretCredential(c.tenant, c.clientId, c.secret, endpoint.options()); });
  CHECK(error.field() == c.field);
  CHECK(endpoint.mock->requestCount() == 0);
}

TEST_CASE("a token authority must be https (http only for loopback)", "[auth]") {
  MockTokenEndpoint endpoint;
  auto options = endpoint.options();
  options.authorityHost = "http://login.example.com";
  CHECK_THROWS_AS(ClientSecretCredential(kTenant, kClientId, kSecret, options),
                  msgraph::ValidationError);
  options.authorityHost = "http://127.0.0.1:8080";
  CHECK_NOTHROW(ClientSecretCredential(kTenant, kClientId, kSecret, options));
}

TEST_CASE("a GraphClient sends the issued token, asking for the cloud's .default scope", "[auth]") {
  struct Case {
    Cloud cloud;
    std::string tokenUrl, scope, graphPrefix;
  };
  const Case c = GENERATE(values<Case>({
      {Cloud::Global, kGlobalTokenUrl, kGraphScope, "https://graph.microsoft.com/v1.0/"},
      {Cloud::UsGov, "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token",
       "https://graph.microsoft.us/.default", "https://graph.microsoft.us/v1.0/"},
      {Cloud::UsGovDoD,
       "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token",
       "https://dod-graph.microsoft.us/.default", "https://dod-graph.microsoft.us/v1.0/"},
      {Cloud::China, "https://login.chinacloudapi.cn/contoso.onmicrosoft.com/oauth2/v2.0/token",
       "https://microsoftgraph.chinacloudapi.cn/.default",
       "https://microsoftgraph.chinacloudapi.cn/v1.0/"},
  }));
  CAPTURE(c.scope);
  LoginAndGraph service;
  const auto client = graphClient(service, c.cloud);
  CHECK(partnerSync(client).remove().execute().status == 204);
  CHECK(partnerSync(client).remove().execute().status == 204);

  const auto tokenRequests = service.requests(true);
  const auto graphRequests = service.requests(false);
  REQUIRE(tokenRequests.size() == 1);  // the second call reuses the cached token
  CHECK(tokenRequests[0].url == c.tokenUrl);
  CHECK(form(tokenRequests[0]).at("scope") == c.scope);
  REQUIRE(graphRequests.size() == 2);
  for (const auto& request : graphRequests) {
    CHECK(request.url.rfind(c.graphPrefix, 0) == 0);
    CHECK(request.headers.get("Authorization") == "Bearer issued-1");
  }
}

TEST_CASE("a 401 from Graph drops the token and retries once with a new one", "[auth]") {
  SECTION("401 then success") {
    LoginAndGraph service({401});
    const auto client = graphClient(service, Cloud::Global);
    CHECK(partnerSync(client).remove().execute().status == 204);
    CHECK(service.requests(true).size() == 2);
    const auto graphRequests = service.requests(false);
    REQUIRE(graphRequests.size() == 2);
    CHECK(graphRequests[0].headers.get("Authorization") == "Bearer issued-1");
    CHECK(graphRequests[1].headers.get("Authorization") == "Bearer issued-2");
  }
  SECTION("401 twice: one retry only, then the ServiceError") {
    LoginAndGraph service({401, 401});
    const auto client = graphClient(service, Cloud::Global);
    const auto result = partnerSync(client).remove().send();
    REQUIRE_FALSE(result.ok());
    const auto* error = dynamic_cast<const msgraph::ServiceError*>(&result.error());
    REQUIRE(error != nullptr);
    CHECK(error->status() == 401);
    CHECK(service.requests(true).size() == 2);
    CHECK(service.requests(false).size() == 2);
  }
}
