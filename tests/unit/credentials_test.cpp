// ClientSecretCredential, ClientCertificate and ClientCertificateCredential against a
// MockTransport playing the identity platform's token endpoint, with an injected clock. The
// client assertion is checked with an independent JWT decoder and OpenSSL's verify API.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "msgraph/auth/client_certificate_credential.hpp"
#include "msgraph/auth/client_secret_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"
#include "support/latch.hpp"
#include "unit/test_certificates.hpp"

using msgraph::AuthenticationError;
using msgraph::ClientCertificate;
using msgraph::ClientCertificateCredential;
using msgraph::ClientSecretCredential;
using msgraph::Cloud;
using msgraph::HttpRequest;
using msgraph::HttpResponse;
using msgraph::Json;
using msgraph::testing::MockTransport;
using namespace std::chrono_literals;
using namespace std::string_literals;

namespace {

using Clock = std::chrono::system_clock;

constexpr const char* kTenant = "contoso.onmicrosoft.com";
constexpr const char* kClientId = "535fb089-9ff3-47b6-9bfb-4f1264799865";
constexpr const char* kSecret = "sampleCredentials";
constexpr const char* kGraphScope = "https://graph.microsoft.com/.default";
constexpr const char* kGlobalTokenUrl =
    "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token";
constexpr const char* kJwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

// The identity platform's error answer, exactly as in graph-contract.md section 5.
constexpr const char* kInvalidScopeBody = R"({
  "error": "invalid_scope",
  "error_description": "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope https://foo.microsoft.com/.default is not valid.\r\nTrace ID: 255d1aef-8c98-452f-ac51-23d051240864\r\nCorrelation ID: fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7\r\nTimestamp: 2016-01-09 02:02:12Z",
  "error_codes": [
    70011
  ],
  "timestamp": "YYYY-MM-DD HH:MM:SSZ",
  "trace_id": "255d1aef-8c98-452f-ac51-23d051240864",
  "correlation_id": "fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7"
})";

// A clock the test moves by hand; copies share the same time. Whole seconds, so JWT times
// compare exactly.
class TestClock {
 public:
  TestClock() : seconds_(std::make_shared<std::atomic<std::int64_t>>(1'700'000'000)) {}
  Clock::time_point now() const {
    return Clock::time_point(std::chrono::seconds(seconds_->load()));
  }
  std::int64_t seconds() const { return seconds_->load(); }
  void advance(std::chrono::seconds by) { *seconds_ += by.count(); }
  std::function<Clock::time_point()> function() const {
    return [shared = seconds_] { return Clock::time_point(std::chrono::seconds(shared->load())); };
  }

 private:
  std::shared_ptr<std::atomic<std::int64_t>> seconds_;
};

std::string tokenBody(const std::string& token, Json expiresIn = 3599,
                      std::optional<int> refreshIn = std::nullopt) {
  Json body = Json::object(
      {{"token_type", "Bearer"}, {"expires_in", std::move(expiresIn)}, {"access_token", token}});
  if (refreshIn) body.set("refresh_in", *refreshIn);
  return body.dump();
}

HttpResponse response(int status, std::string body) {
  HttpResponse answer;
  answer.status = status;
  answer.headers.add("Content-Type", "application/json");
  answer.body = std::move(body);
  return answer;
}

std::string errorBody(const std::string& error, const std::string& description = {},
                      std::vector<int> codes = {}) {
  Json list = Json::array();
  for (int code : codes) list.asArray().emplace_back(code);
  return Json::object({{"error", error},
                       {"error_description", description},
                       {"error_codes", std::move(list)},
                       {"trace_id", "trace-1"},
                       {"correlation_id", "correlation-1"}})
      .dump();
}

// A mock token endpoint, its requests and the clock the credential reads.
struct MockTokenEndpoint {
  std::shared_ptr<MockTransport> mock = std::make_shared<MockTransport>();
  TestClock clock;

  msgraph::TokenCredentialOptions options(Cloud cloud = Cloud::Global) const {
    msgraph::TokenCredentialOptions result;
    result.cloud = cloud;
    result.transport = mock;
    result.clock = clock.function();
    return result;
  }

  // Answers every request with a new token, "token-1", "token-2", ..., each after
  // `beforeAnswer` has returned (a test may hold the answer there).
  void issueNumberedTokens(std::function<void()> beforeAnswer = {}) const {
    auto issued = std::make_shared<std::atomic<int>>(0);
    mock->handler([issued, beforeAnswer = std::move(beforeAnswer)](const HttpRequest&) {
      if (beforeAnswer) beforeAnswer();
      return response(200, tokenBody("token-" + std::to_string(++*issued)));
    });
  }
};

msgraph::AccessToken fetch(msgraph::TokenCredential& credential,
                           const std::string& scope = kGraphScope,
                           const msgraph::CallContext& context = {}) {
  return credential.getToken(msgraph::TokenRequestContext{{scope}}, context);
}

// Fails the first `failures` requests with a transport error of `kind`, then issues "token".
void failThenIssue(MockTransport& mock, int failures, msgraph::TransportError::Kind kind,
                   bool gotResponse = false) {
  auto sent = std::make_shared<std::atomic<int>>(0);
  mock.handler([=](const HttpRequest&) {
    if (++*sent <= failures) throw msgraph::TransportError(kind, "transport failed", gotResponse);
    return response(200, tokenBody("token"));
  });
}

// Whether `text` holds a byte below 0x20 or DEL, which could forge a line in a log.
bool hasControlCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// The error of type E that `action` throws; the test fails if it throws none.
template <typename E, typename Action>
E errorFrom(Action&& action) {
  try {
    action();
  } catch (const E& error) {
    return error;
  }
  FAIL("the expected error was not thrown");
  throw std::logic_error("unreachable");
}

template <typename Action>
AuthenticationError authenticationErrorFrom(Action&& action) {
  return errorFrom<AuthenticationError>(std::forward<Action>(action));
}

template <typename Action>
msgraph::ValidationError validationErrorFrom(Action&& action) {
  return errorFrom<msgraph::ValidationError>(std::forward<Action>(action));
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// --- application/x-www-form-urlencoded, read independently of the library ---------------------

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  throw std::runtime_error("bad percent escape");
}

std::string formDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) throw std::runtime_error("truncated percent escape");
      out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// name -> value as sent (still encoded); a repeated name is an error.
std::map<std::string, std::string> rawForm(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t end = std::min(body.find('&', start), body.size());
    const std::string pair = body.substr(start, end - start);
    const std::size_t equals = pair.find('=');
    if (equals == std::string::npos) throw std::runtime_error("form field without '=': " + pair);
    if (!fields.emplace(pair.substr(0, equals), pair.substr(equals + 1)).second) {
      throw std::runtime_error("repeated form field " + pair.substr(0, equals));
    }
    start = end + 1;
  }
  return fields;
}

std::map<std::string, std::string> form(const HttpRequest& request) {
  std::map<std::string, std::string> fields;
  for (const auto& [name, value] : rawForm(request.body))
    fields[formDecode(name)] = formDecode(value);
  return fields;
}

// --- JWT, decoded independently of the library -------------------------------------------------

struct Jwt {
  Json header;
  Json claims;
  std::string signingInput;
  std::string signature;
};

Jwt decodeJwt(const std::string& token) {
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  REQUIRE(token.find('.', second + 1) == std::string::npos);
  Jwt jwt;
  jwt.header = Json::parse(msgraph_test::base64UrlDecode(token.substr(0, first)));
  jwt.claims =
      Json::parse(msgraph_test::base64UrlDecode(token.substr(first + 1, second - first - 1)));
  jwt.signingInput = token.substr(0, second);
  jwt.signature = msgraph_test::base64UrlDecode(token.substr(second + 1));
  REQUIRE(jwt.header.isObject());
  REQUIRE(jwt.claims.isObject());
  return jwt;
}

std::string text(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  REQUIRE(value != nullptr);
  REQUIRE(value->isString());
  return value->asString();
}

std::int64_t integer(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  REQUIRE(value != nullptr);
  if (value->type() == Json::Type::UInt) return static_cast<std::int64_t>(value->asUInt());
  REQUIRE(value->type() == Json::Type::Int);
  return value->asInt();
}

bool isUuid(const std::string& value) {
  static const std::regex uuid(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  return std::regex_match(value, uuid);
}

// --- certificates ------------------------------------------------------------------------------

// An RSA key and a self-signed certificate for it.
struct TestCertificate {
  explicit TestCertificate(unsigned int bits = 2048)
      : key(msgraph_test::rsaKey(bits)),
        cert(msgraph_test::makeCertificate(key.get(), "msgraph")) {}
  explicit TestCertificate(msgraph_test::Key ownKey)
      : key(std::move(ownKey)), cert(msgraph_test::makeCertificate(key.get(), "msgraph")) {}

  std::string certificatePem() const { return msgraph_test::certificatePem(cert.get()); }
  std::string keyPem(const std::string& password = {}) const {
    return msgraph_test::privateKeyPem(key.get(), password);
  }
  std::string pem() const { return certificatePem() + keyPem(); }
  std::string der() const { return msgraph_test::der(cert.get()); }
  ClientCertificate load() const { return ClientCertificate::fromPem(pem()); }

  msgraph_test::Key key;
  msgraph_test::Certificate cert;
};

// Key generation is the slow part: the tests that only need some valid certificate share one.
const TestCertificate& sharedCertificate() {
  static const TestCertificate certificate;
  return certificate;
}

ClientCertificateCredential certificateCredential(const MockTokenEndpoint& endpoint,
                                                  msgraph::ClientCertificateOptions options = {},
                                                  Cloud cloud = Cloud::Global) {
  return ClientCertificateCredential(kTenant, kClientId, sharedCertificate().load(),
                                     endpoint.options(cloud), options);
}

// Gets a token through `credential` and returns the assertion the token request carried.
std::string sentAssertion(const MockTokenEndpoint& endpoint, msgraph::TokenCredential& credential) {
  endpoint.mock->clearRequests();
  fetch(credential);
  REQUIRE(endpoint.mock->requestCount() == 1);
  const auto fields = form(endpoint.mock->lastRequest());
  REQUIRE(fields.count("client_assertion") == 1);
  return fields.at("client_assertion");
}

// --- Graph through a GraphClient ---------------------------------------------------------------

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

// === ClientSecretCredential =====================================================================

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

TEST_CASE("ClientSecretCredential reuses its token and refreshes it 5 minutes before expiry",
          "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  const auto first = fetch(credential);
  CHECK(first.token == "token-1");
  CHECK(fetch(credential).token == "token-1");
  CHECK(endpoint.mock->requestCount() == 1);

  // 3599 s - 300 s margin = 3299 s: one second before, still the cached token.
  endpoint.clock.advance(3298s);
  CHECK(fetch(credential).token == "token-1");
  CHECK(endpoint.mock->requestCount() == 1);

  endpoint.clock.advance(1s);
  const auto second = fetch(credential);
  CHECK(second.token == "token-2");
  CHECK(second.expiresOn == endpoint.clock.now() + 3599s);
  CHECK(endpoint.mock->requestCount() == 2);
  CHECK(fetch(credential).token == "token-2");
  CHECK(endpoint.mock->requestCount() == 2);
}

TEST_CASE("ClientSecretCredential honours refresh_in when it is sooner than the margin", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  SECTION("refresh_in sooner: refreshed at refresh_in") {
    endpoint.mock->enqueue(200, tokenBody("token-1", 3599, 1800))
        .enqueue(200, tokenBody("token-2", 3599, 1800));
    CHECK(fetch(credential).token == "token-1");
    endpoint.clock.advance(1799s);
    CHECK(fetch(credential).token == "token-1");
    endpoint.clock.advance(1s);
    CHECK(fetch(credential).token == "token-2");
    CHECK(endpoint.mock->requestCount() == 2);
  }
  SECTION("refresh_in later than expiry minus margin: the margin wins") {
    endpoint.mock->enqueue(200, tokenBody("token-1", 3599, 3500))
        .enqueue(200, tokenBody("token-2", 3599, 3500));
    CHECK(fetch(credential).token == "token-1");
    endpoint.clock.advance(3299s);
    CHECK(fetch(credential).token == "token-2");
    CHECK(endpoint.mock->requestCount() == 2);
  }
}

TEST_CASE("ClientSecretCredential honours a custom refreshMargin", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto options = endpoint.options();
  options.refreshMargin = 60s;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, options);
  CHECK(fetch(credential).token == "token-1");
  endpoint.clock.advance(3538s);
  CHECK(fetch(credential).token == "token-1");
  endpoint.clock.advance(1s);
  CHECK(fetch(credential).token == "token-2");
}

TEST_CASE("ClientSecretCredential makes one token request for many threads at once",
          "[auth][threads]") {
  constexpr int kThreads = 8;
  // The token request is answered only once every thread has started and is calling getToken,
  // so that they meet it in flight. The bound only keeps a broken test finite.
  msgraph_test::Latch arrived(kThreads);
  std::atomic<bool> heldUntilAllArrived{true};
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens([&] {
    if (!arrived.waitFor(30s)) heldUntilAllArrived = false;
  });
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  std::atomic<int> sameToken{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      arrived.countDown();
      for (int i = 0; i < 100; ++i) {
        if (fetch(credential).token == "token-1") ++sameToken;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(heldUntilAllArrived);
  CHECK(endpoint.mock->requestCount() == 1);
  CHECK(sameToken == kThreads * 100);
}

TEST_CASE("the token endpoint's error answer becomes an AuthenticationError with its details",
          "[auth]") {
  MockTokenEndpoint endpoint;
  const std::string secret = "Sup3r~Secret.Value_123";
  ClientSecretCredential credential(kTenant, kClientId, secret, endpoint.options());

  SECTION("the contract's invalid_scope example") {
    endpoint.mock->enqueue(400, kInvalidScopeBody);
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.error() == "invalid_scope");
    CHECK(error.aadsts() == "AADSTS70011");
    CHECK(error.description() ==
          "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The "
          "scope https://foo.microsoft.com/.default is not valid.\r\nTrace ID: "
          "255d1aef-8c98-452f-ac51-23d051240864\r\nCorrelation ID: "
          "fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7\r\nTimestamp: 2016-01-09 02:02:12Z");
    CHECK(error.traceId() == "255d1aef-8c98-452f-ac51-23d051240864");
    CHECK(error.correlationId() == "fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7");
    CHECK(error.details().status == 400);
    CHECK(contains(error.what(), "invalid_scope"));
    CHECK_FALSE(contains(error.what(), secret));
    CHECK(endpoint.mock->requestCount() == 1);
  }
  SECTION("several AADSTS codes are joined") {
    endpoint.mock->enqueue(
        401, errorBody("invalid_client", "AADSTS7000215: Invalid client secret", {7000215, 50012}));
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.error() == "invalid_client");
    CHECK(error.aadsts() == "AADSTS7000215, AADSTS50012");
    CHECK(error.traceId() == "trace-1");
    CHECK(error.correlationId() == "correlation-1");
    CHECK(error.details().status == 401);
    CHECK_FALSE(contains(error.what(), secret));
  }
  SECTION("a body that is not the platform's JSON still gives the status") {
    endpoint.mock->enqueue(403, "<html>Forbidden by proxy</html>");
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.details().status == 403);
    CHECK(error.error().empty());
    CHECK(contains(error.what(), "403"));
  }
}

TEST_CASE("token requests are retried on 5xx and temporarily_unavailable, not on 4xx", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  SECTION("500 then 200") {
    endpoint.mock->enqueue(500, "").enqueue(200, tokenBody("after-retry"));
    CHECK(fetch(credential).token == "after-retry");
    CHECK(endpoint.mock->requestCount() == 2);
  }
  SECTION("temporarily_unavailable then 200") {
    endpoint.mock->enqueue(400, errorBody("temporarily_unavailable", "AADSTS90055", {90055}))
        .enqueue(200, tokenBody("after-retry"));
    CHECK(fetch(credential).token == "after-retry");
    CHECK(endpoint.mock->requestCount() == 2);
  }
  SECTION("5xx on every attempt: 1 + maxRetries (2) requests, then the error") {
    endpoint.mock->enqueue(503, "").enqueue(502, "").enqueue(500, errorBody("server_error"));
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.details().status == 500);
    CHECK(endpoint.mock->requestCount() == 3);
  }
  SECTION("maxRetries = 0: a 5xx is final") {
    auto options = endpoint.options();
    options.maxRetries = 0;
    ClientSecretCredential once(kTenant, kClientId, kSecret, options);
    endpoint.mock->enqueue(503, "").enqueue(200, tokenBody("never"));
    CHECK_THROWS_AS(fetch(once), AuthenticationError);
    CHECK(endpoint.mock->requestCount() == 1);
  }
  SECTION("4xx is final") {
    const int status = GENERATE(400, 401);
    endpoint.mock->enqueue(status, errorBody("invalid_client", "AADSTS7000215", {7000215}))
        .enqueue(200, tokenBody("never"));
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.details().status == status);
    CHECK(endpoint.mock->requestCount() == 1);
  }
}

TEST_CASE("a transport failure on every token request attempt becomes an AuthenticationError",
          "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.mock->handler([](const HttpRequest&) -> HttpResponse {
    throw msgraph::TransportError(msgraph::TransportError::Kind::Connect, "connection refused");
  });
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  const auto error = authenticationErrorFrom([&] { fetch(credential); });
  CHECK(error.details().status == 0);
  CHECK(contains(error.what(), "the token endpoint could not be reached: connection refused"));
  CHECK_FALSE(contains(error.what(), kSecret));
  CHECK(endpoint.mock->requestCount() == 3);  // 1 + maxRetries (2)
}

TEST_CASE("token requests are retried on transport failures before any response only", "[auth]") {
  using Kind = msgraph::TransportError::Kind;
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  SECTION("a connection failure then 200: the token, after 2 requests") {
    failThenIssue(*endpoint.mock, 1, Kind::Connect);
    CHECK(fetch(credential).token == "token");
    CHECK(endpoint.mock->requestCount() == 2);
  }
  SECTION("a failure after the response began is final") {
    failThenIssue(*endpoint.mock, 1, Kind::Receive, /*gotResponse=*/true);
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(contains(error.what(), "could not be reached: transport failed"));
    CHECK(endpoint.mock->requestCount() == 1);
  }
  SECTION("a TLS failure is final") {
    failThenIssue(*endpoint.mock, 1, Kind::Tls);
    CHECK_THROWS_AS(fetch(credential), AuthenticationError);
    CHECK(endpoint.mock->requestCount() == 1);
  }
}

TEST_CASE("a deadline too close for the pause before a token retry is a DeadlineExceededError",
          "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  msgraph::CallContext context;
  context.deadline(msgraph::CallContext::Clock::now() + 100ms);  // the first pause is 250 ms

  auto deadlineErrorFrom = [&] {
    return errorFrom<msgraph::DeadlineExceededError>(
        [&] { fetch(credential, kGraphScope, context); });
  };

  SECTION("after a 503") {
    endpoint.mock->enqueue(503, errorBody("server_error", "AADSTS50000 secret-ish detail"))
        .enqueue(200, tokenBody("never"));
    CHECK(std::string(deadlineErrorFrom().what()) ==
          "the call's deadline leaves no time to retry the token request after HTTP 503");
  }
  SECTION("after a connection failure") {
    failThenIssue(*endpoint.mock, 1, msgraph::TransportError::Kind::Connect);
    CHECK(contains(deadlineErrorFrom().what(), "token request after a connection failure"));
  }
  CHECK(endpoint.mock->requestCount() == 1);
}

TEST_CASE("control characters in the token endpoint's error text stay out of what()", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  const std::string description = "AADSTS7000215: Invalid\n\x1b[31mforged\tline\x7f\0end"s;
  endpoint.mock->enqueue(401, errorBody("invalid\nclient", description, {7000215}));
  const auto error = authenticationErrorFrom([&] { fetch(credential); });
  CHECK_FALSE(hasControlCharacter(error.what()));
  CHECK(contains(error.what(), "invalid client: AADSTS7000215: Invalid  [31mforged line  end"));
  CHECK(error.description() == description);  // the details keep the service's text as sent
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

TEST_CASE("a token cached for one scope is not returned for another scope", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  CHECK(fetch(credential, "https://graph.microsoft.com/.default").token == "token-1");
  // Expected: a new request for the other resource; actual: token-1 (for Graph) comes back.
  CHECK(fetch(credential, "https://management.azure.com/.default").token == "token-2");
  CHECK(endpoint.mock->requestCount() == 2);
  CHECK(form(endpoint.mock->lastRequest()).at("scope") == "https://management.azure.com/.default");
}

// === ClientCertificate ==========================================================================

TEST_CASE("ClientCertificate loads PEM text with the certificate and its key", "[auth]") {
  const auto& test = sharedCertificate();
  const std::string thumbprint =
      msgraph_test::base64Encode(msgraph_test::digest(EVP_sha256(), test.der()), true);
  CHECK(thumbprint.size() == 43);

  SECTION("certificate first") {
    CHECK(ClientCertificate::fromPem(test.certificatePem() + test.keyPem()).thumbprintSha256() ==
          thumbprint);
  }
  SECTION("key first") {
    CHECK(ClientCertificate::fromPem(test.keyPem() + test.certificatePem()).thumbprintSha256() ==
          thumbprint);
  }
  SECTION("a certificate without its key is refused") {
    const auto error =
        authenticationErrorFrom([&] { ClientCertificate::fromPem(test.certificatePem()); });
    CHECK(contains(error.what(), "key"));
  }
  SECTION("a key without a certificate is refused") {
    CHECK_THROWS_AS(ClientCertificate::fromPem(test.keyPem()), AuthenticationError);
  }
}

TEST_CASE("ClientCertificate loads PEM and PFX files, encrypted ones with their password",
          "[auth]") {
  const auto& test = sharedCertificate();
  const std::string thumbprint =
      msgraph_test::base64Encode(msgraph_test::digest(EVP_sha256(), test.der()), true);
  const msgraph_test::TempDir dir;
  const std::string password = "pa$$ word-\xC3\xA9";

  SECTION("plain PEM file") {
    const std::string path = dir.write("cert.pem", test.pem());
    CHECK(ClientCertificate::fromPemFile(path).thumbprintSha256() == thumbprint);
  }
  SECTION("missing file") {
    CHECK_THROWS_AS(ClientCertificate::fromPemFile(dir.path("missing.pem")), AuthenticationError);
  }
  SECTION("PEM with an AES-256-CBC encrypted key") {
    const std::string pem = test.certificatePem() + test.keyPem(password);
    REQUIRE(contains(pem, "ENCRYPTED PRIVATE KEY"));
    const std::string path = dir.write("encrypted.pem", pem);
    CHECK(ClientCertificate::fromPemFile(path, password).thumbprintSha256() == thumbprint);
    CHECK(ClientCertificate::fromPem(pem, password).thumbprintSha256() == thumbprint);
    for (const std::string& wrong : {std::string("wrong password"), std::string()}) {
      CAPTURE(wrong);
      const auto error =
          authenticationErrorFrom([&] { ClientCertificate::fromPemFile(path, wrong); });
      CHECK_FALSE(contains(error.what(), "BEGIN"));
      if (!wrong.empty()) CHECK_FALSE(contains(error.what(), wrong));
    }
  }
  SECTION("PFX (PKCS#12)") {
    const std::string path =
        dir.write("cert.pfx", msgraph_test::pfx(test.key.get(), test.cert.get(), password));
    CHECK(ClientCertificate::fromPfxFile(path, password).thumbprintSha256() == thumbprint);
    const auto error = authenticationErrorFrom(
        [&] { ClientCertificate::fromPfxFile(path, "not-the-pfx-password-42"); });
    CHECK_FALSE(contains(error.what(), "not-the-pfx-password-42"));
    CHECK_THROWS_AS(ClientCertificate::fromPfxFile(dir.write("not.pfx", "garbage"), password),
                    AuthenticationError);
  }
  SECTION("PFX with an empty password") {
    const std::string path =
        dir.write("open.pfx", msgraph_test::pfx(test.key.get(), test.cert.get(), ""));
    CHECK(ClientCertificate::fromPfxFile(path, "").thumbprintSha256() == thumbprint);
  }
  SECTION("traditional PKCS#1 key (BEGIN RSA PRIVATE KEY), plain and encrypted") {
    const std::string plain = msgraph_test::traditionalKeyPem(test.key.get());
    REQUIRE(contains(plain, "BEGIN RSA PRIVATE KEY"));
    CHECK(ClientCertificate::fromPem(test.certificatePem() + plain).thumbprintSha256() ==
          thumbprint);
    const std::string encrypted = msgraph_test::traditionalKeyPem(test.key.get(), password);
    REQUIRE(contains(encrypted, "DEK-Info"));
    CHECK(ClientCertificate::fromPem(test.certificatePem() + encrypted, password)
              .thumbprintSha256() == thumbprint);
    CHECK_THROWS_AS(ClientCertificate::fromPem(test.certificatePem() + encrypted, "wrong"),
                    AuthenticationError);
  }
}

TEST_CASE("ClientCertificate refuses keys other than RSA of 2048 bits or more", "[auth]") {
  const msgraph_test::TempDir dir;
  SECTION("RSA 1024") {
    const TestCertificate weak(1024);
    for (const auto& load : std::vector<std::function<void()>>{
             [&] { ClientCertificate::fromPem(weak.pem()); },
             [&] {
               ClientCertificate::fromPfxFile(
                   dir.write("weak.pfx", msgraph_test::pfx(weak.key.get(), weak.cert.get(), "pw")),
                   "pw");
             }}) {
      const auto error = authenticationErrorFrom(load);
      CHECK(contains(error.what(), "2048"));
    }
  }
  SECTION("EC P-256") {
    const TestCertificate ec(msgraph_test::ecP256Key());
    const auto error = authenticationErrorFrom([&] { ClientCertificate::fromPem(ec.pem()); });
    CHECK(contains(error.what(), "RSA"));
  }
  SECTION("RSA 2048 is accepted, 3072 too") { CHECK_NOTHROW(TestCertificate(3072).load()); }
}

TEST_CASE("ClientCertificate refuses a key that does not belong to the certificate", "[auth]") {
  const auto& test = sharedCertificate();
  const msgraph_test::Key other = msgraph_test::rsaKey(2048);
  const auto error = authenticationErrorFrom([&] {
    ClientCertificate::fromPem(test.certificatePem() + msgraph_test::privateKeyPem(other.get()));
  });
  CHECK(contains(error.what(), "certificate"));
}

// === ClientCertificateCredential and its assertion ===============================================

TEST_CASE("ClientCertificateCredential sends a PS256 assertion that verifies", "[auth]") {
  const auto& test = sharedCertificate();
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto credential = certificateCredential(endpoint);

  CHECK(fetch(credential).token == "token-1");
  REQUIRE(endpoint.mock->requestCount() == 1);
  const HttpRequest request = endpoint.mock->lastRequest();
  CHECK(request.url == kGlobalTokenUrl);
  CHECK(request.headers.get("Content-Type") == "application/x-www-form-urlencoded");
  const auto fields = form(request);
  CHECK(fields.at("grant_type") == "client_credentials");
  CHECK(fields.at("client_id") == kClientId);
  CHECK(fields.at("scope") == kGraphScope);
  CHECK(fields.at("client_assertion_type") == kJwtBearer);
  CHECK(fields.count("client_secret") == 0);
  CHECK(fields.size() == 5);

  const Jwt jwt = decodeJwt(fields.at("client_assertion"));
  CHECK(text(jwt.header, "alg") == "PS256");
  CHECK(text(jwt.header, "typ") == "JWT");
  CHECK(text(jwt.header, "x5t#S256") ==
        msgraph_test::base64Encode(msgraph_test::digest(EVP_sha256(), test.der()), true));
  CHECK(text(jwt.header, "x5t#S256") == test.load().thumbprintSha256());
  CHECK(jwt.header.find("x5t") == nullptr);
  CHECK(jwt.header.find("x5c") == nullptr);

  CHECK(text(jwt.claims, "aud") == kGlobalTokenUrl);
  CHECK(text(jwt.claims, "iss") == kClientId);
  CHECK(text(jwt.claims, "sub") == kClientId);
  CHECK(isUuid(text(jwt.claims, "jti")));
  CHECK(integer(jwt.claims, "nbf") == endpoint.clock.seconds());
  CHECK(integer(jwt.claims, "iat") == endpoint.clock.seconds());
  CHECK(integer(jwt.claims, "exp") == endpoint.clock.seconds() + 600);

  CHECK(jwt.signature.size() == 256);
  CHECK(msgraph_test::verifySignature(test.cert.get(), true, jwt.signingInput, jwt.signature));
  // The verifier really checks: PKCS#1 v1.5 and a changed payload do not verify.
  CHECK_FALSE(
      msgraph_test::verifySignature(test.cert.get(), false, jwt.signingInput, jwt.signature));
  std::string tampered = jwt.signingInput;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  CHECK_FALSE(msgraph_test::verifySignature(test.cert.get(), true, tampered, jwt.signature));
}

TEST_CASE("ClientCertificateCredential signs RS256 with the SHA-1 x5t when asked", "[auth]") {
  const auto& test = sharedCertificate();
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  msgraph::ClientCertificateOptions options;
  options.algorithm = msgraph::AssertionAlgorithm::RS256;
  auto credential = certificateCredential(endpoint, options);

  const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
  CHECK(text(jwt.header, "alg") == "RS256");
  CHECK(text(jwt.header, "typ") == "JWT");
  CHECK(text(jwt.header, "x5t") ==
        msgraph_test::base64Encode(msgraph_test::digest(EVP_sha1(), test.der()), true));
  CHECK(text(jwt.header, "x5t#S256") == test.load().thumbprintSha256());
  CHECK(msgraph_test::verifySignature(test.cert.get(), false, jwt.signingInput, jwt.signature));
  CHECK_FALSE(
      msgraph_test::verifySignature(test.cert.get(), true, jwt.signingInput, jwt.signature));
}

TEST_CASE("ClientCertificateCredential sends the certificate chain (x5c) when asked", "[auth]") {
  msgraph::ClientCertificateOptions options;
  options.sendCertificateChain = true;

  SECTION("a self-signed certificate: x5c holds it alone") {
    MockTokenEndpoint endpoint;
    endpoint.issueNumberedTokens();
    auto credential = certificateCredential(endpoint, options);
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    const Json* x5c = jwt.header.find("x5c");
    REQUIRE(x5c != nullptr);
    REQUIRE(x5c->isArray());
    REQUIRE(x5c->asArray().size() == 1);
    CHECK(x5c->asArray()[0].asString() ==
          msgraph_test::base64Encode(sharedCertificate().der(), false));
  }
  SECTION("a certificate issued by a CA: leaf first, then the issuer") {
    const TestCertificate ca;
    const msgraph_test::Key leafKey = msgraph_test::rsaKey(2048);
    const msgraph_test::Certificate leaf =
        msgraph_test::makeCertificate(leafKey.get(), "leaf", ca.cert.get(), ca.key.get());
    const std::string pem = msgraph_test::certificatePem(leaf.get()) +
                            msgraph_test::privateKeyPem(leafKey.get()) + ca.certificatePem();
    MockTokenEndpoint endpoint;
    endpoint.issueNumberedTokens();
    ClientCertificateCredential credential(kTenant, kClientId, ClientCertificate::fromPem(pem),
                                           endpoint.options(), options);
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    const Json* x5c = jwt.header.find("x5c");
    REQUIRE(x5c != nullptr);
    REQUIRE(x5c->asArray().size() == 2);
    CHECK(x5c->asArray()[0].asString() ==
          msgraph_test::base64Encode(msgraph_test::der(leaf.get()), false));
    CHECK(x5c->asArray()[1].asString() == msgraph_test::base64Encode(ca.der(), false));
    CHECK(msgraph_test::verifySignature(leaf.get(), true, jwt.signingInput, jwt.signature));
  }
}

TEST_CASE("each token request carries a fresh assertion dated by the clock", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto credential = certificateCredential(endpoint);

  const Jwt first = decodeJwt(sentAssertion(endpoint, credential));
  endpoint.clock.advance(3299s);  // past expiry minus the 5-minute margin: refreshed
  const Jwt second = decodeJwt(sentAssertion(endpoint, credential));

  CHECK(isUuid(text(second.claims, "jti")));
  CHECK(text(first.claims, "jti") != text(second.claims, "jti"));
  CHECK(integer(second.claims, "nbf") == integer(first.claims, "nbf") + 3299);
  CHECK(integer(second.claims, "iat") == endpoint.clock.seconds());
  CHECK(integer(second.claims, "exp") == endpoint.clock.seconds() + 600);
  CHECK(fetch(credential).token == "token-2");
  CHECK(endpoint.mock->requestCount() == 1);  // cached again
}

// An endpoint that enforces jti uniqueness would refuse a replayed assertion.
TEST_CASE("a retried token request carries a new assertion (jti not replayed)", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.mock->enqueue(503, "").enqueue(200, tokenBody("after-retry"));
  auto credential = certificateCredential(endpoint);
  CHECK(fetch(credential).token == "after-retry");
  const auto requests = endpoint.mock->requests();
  REQUIRE(requests.size() == 2);
  const Jwt first = decodeJwt(form(requests[0]).at("client_assertion"));
  const Jwt second = decodeJwt(form(requests[1]).at("client_assertion"));
  CHECK(text(first.claims, "jti") != text(second.claims, "jti"));
}

TEST_CASE("the assertion's audience is the chosen cloud's token URL", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  SECTION("national cloud") {
    auto credential = certificateCredential(endpoint, {}, Cloud::UsGov);
    const std::string url =
        "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token";
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    CHECK(text(jwt.claims, "aud") == url);
    CHECK(endpoint.mock->lastRequest().url == url);
  }
  SECTION("custom authority (emulator)") {
    auto options = endpoint.options();
    options.authorityHost = "https://127.0.0.1:8443";
    ClientCertificateCredential credential(kTenant, kClientId, sharedCertificate().load(), options);
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    CHECK(text(jwt.claims, "aud") ==
          "https://127.0.0.1:8443/contoso.onmicrosoft.com/oauth2/v2.0/token");
  }
}

TEST_CASE("neither the assertion nor key material appears in an AuthenticationError", "[auth]") {
  const auto& test = sharedCertificate();
  MockTokenEndpoint endpoint;
  endpoint.mock->handler([](const HttpRequest&) {
    return response(
        401, errorBody("invalid_client",
                       "AADSTS700027: Client assertion failed signature validation.", {700027}));
  });
  auto credential = certificateCredential(endpoint);
  const auto error = authenticationErrorFrom([&] { fetch(credential); });
  CHECK(error.error() == "invalid_client");
  CHECK(error.aadsts() == "AADSTS700027");

  REQUIRE(endpoint.mock->requestCount() == 1);
  const std::string assertion = form(endpoint.mock->lastRequest()).at("client_assertion");
  const std::string what = error.what();
  CHECK(contains(what, "AADSTS700027"));
  CHECK_FALSE(contains(what, assertion));
  for (std::size_t dot = 0, start = 0; dot != std::string::npos; start = dot + 1) {
    dot = assertion.find('.', start);
    CHECK_FALSE(contains(what, assertion.substr(start, dot - start)));  // no JWT segment
  }
  const std::string keyPem = test.keyPem();
  for (std::size_t start = 0, end = 0; start < keyPem.size(); start = end + 1) {
    end = std::min(keyPem.find('\n', start), keyPem.size());
    const std::string line = keyPem.substr(start, end - start);
    if (!line.empty() && line[0] != '-') CHECK_FALSE(contains(what, line));
  }
  CHECK_FALSE(contains(what, "PRIVATE KEY"));
}

TEST_CASE("ClientCertificateCredential refuses empty or control-character arguments", "[auth]") {
  MockTokenEndpoint endpoint;
  struct Case {
    std::string tenant, clientId, field;
  };
  const Case c = GENERATE(values<Case>({
      {"", kClientId, "tenantId"},
      {kTenant, "", "clientId"},
      {"contoso\t", kClientId, "tenantId"},
      {kTenant, "id\n", "clientId"},
  }));
  CAPTURE(c.field);
  const auto error = validationErrorFrom([&] {
    ClientCertificateCredential(c.tenant, c.clientId, sharedCertificate().load(),
                                endpoint.options());
  });
  CHECK(error.field() == c.field);
  CHECK(endpoint.mock->requestCount() == 0);
}

TEST_CASE("a failed refresh falls back to the token that is still valid", "[auth]") {
  MockTokenEndpoint endpoint;
  auto options = endpoint.options();
  options.maxRetries = 0;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, options);
  endpoint.mock->enqueue(response(200, tokenBody("first")));
  CHECK(fetch(credential).token == "first");
  endpoint.clock.advance(std::chrono::seconds(3599 - 120));  // inside the margin, not expired
  endpoint.mock->enqueue(response(503, R"({"error":"temporarily_unavailable"})"));
  CHECK(fetch(credential).token == "first");
  endpoint.clock.advance(std::chrono::seconds(200));  // now expired: the failure surfaces
  endpoint.mock->enqueue(response(503, R"({"error":"temporarily_unavailable"})"));
  CHECK_THROWS_AS(fetch(credential), AuthenticationError);
}

TEST_CASE("callers waiting on a failing refresh share its error, not a fetch each",
          "[auth][threads]") {
  constexpr int kCallers = 6;
  // The refusal is sent only once every caller has started and is calling getToken, so that the
  // later ones meet the failing fetch in flight. The bound only keeps a broken test finite.
  msgraph_test::Latch arrived(kCallers);
  std::atomic<bool> heldUntilAllArrived{true};
  MockTokenEndpoint endpoint;
  auto options = endpoint.options();
  options.maxRetries = 0;
  endpoint.mock->handler([&](const HttpRequest&) {
    if (!arrived.waitFor(30s)) heldUntilAllArrived = false;
    return response(400, R"({"error":"invalid_client","error_codes":[7000215]})");
  });
  ClientSecretCredential credential(kTenant, kClientId, kSecret, options);
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kCallers; ++i) {
    threads.emplace_back([&] {
      arrived.countDown();
      try {
        fetch(credential);
      } catch (const AuthenticationError&) {
        ++failed;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(heldUntilAllArrived);
  CHECK(failed == kCallers);
  CHECK(endpoint.mock->requestCount() < kCallers);  // shared, not one per caller
}

TEST_CASE("a moved-from certificate is refused, not dereferenced", "[auth]") {
  auto certificate = sharedCertificate().load();
  ClientCertificate moved = std::move(certificate);
  CHECK_THROWS_AS(certificate.thumbprintSha256(),
                  msgraph::ValidationError);  // NOLINT(bugprone-use-after-move)
  CHECK_THROWS_AS(ClientCertificateCredential(kTenant, kClientId, std::move(certificate)),
                  msgraph::ValidationError);
}
