// SPDX-License-Identifier: MIT
// ManagedIdentityCredential on a mock transport: the endpoint the environment picks (App
// Service, Azure Arc, IMDS), the request each protocol sends, the IMDS retry rule through the
// injected sleeper, Arc's challenge, and the answers and settings it refuses.
#include <catch2/catch.hpp>

#include <string>

#include "msgraph/auth/managed_identity_credential.hpp"
#include "support/temp_dir.hpp"
#include "unit/credential_test_support.hpp"

using namespace msgraph_test::credentials;
using msgraph::ManagedIdentityCredential;
using msgraph::ManagedIdentityCredentialOptions;
using msgraph::ManagedIdentityId;

namespace {

constexpr const char* kIdentityHeader = "app-service-identity-header-3f9a";
constexpr const char* kImdsTokenUrl =
    "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
    "https%3A%2F%2Fgraph.microsoft.com";

const Variables kAppService{{"IDENTITY_ENDPOINT", "http://127.0.0.1:41741/msi/token"},
                            {"IDENTITY_HEADER", kIdentityHeader}};

// An answer as the managed identity endpoints give it: expires_on in seconds since the epoch,
// as a string.
std::string managedAnswer(const std::string& token, std::int64_t expiresOn) {
  return Json::object({{"access_token", token},
                       {"expires_on", std::to_string(expiresOn)},
                       {"resource", "https://graph.microsoft.com"},
                       {"token_type", "Bearer"}})
      .dump();
}

struct ManagedFixture {
  MockTokenEndpoint endpoint;
  std::vector<std::string> log;

  std::unique_ptr<ManagedIdentityCredential> credential(
      Variables vars, ManagedIdentityCredentialOptions managed = {}) {
    auto options = endpoint.options();
    options.environment = environmentOf(std::move(vars));
    options.logger = [this](msgraph::LogLevel, std::string_view line) { log.emplace_back(line); };
    return std::make_unique<ManagedIdentityCredential>(options, managed);
  }
  void answerTokens() {
    endpoint.mock->handler([clock = endpoint.clock](const HttpRequest&) {
      return response(200, managedAnswer("mi-token", clock.seconds() + 3600));
    });
  }
};

std::string messageOf(msgraph::TokenCredential& credential) {
  return authenticationErrorFrom([&] { fetch(credential); }).what();
}

}  // namespace

TEST_CASE("ManagedIdentityCredential on App Service: api-version 2019-08-01, X-IDENTITY-HEADER",
          "[auth][managed]") {
  ManagedFixture fixture;
  fixture.answerTokens();
  auto credential = fixture.credential(kAppService);
  CHECK(credential->source() == "App Service");
  const auto token = fetch(*credential);
  CHECK(token.token == "mi-token");
  CHECK(token.expiresOn == fixture.endpoint.clock.now() + 3600s);
  const auto sent = fixture.endpoint.mock->requests().at(0);
  CHECK(sent.method == msgraph::HttpMethod::Get);
  CHECK(sent.url ==
        "http://127.0.0.1:41741/msi/token?api-version=2019-08-01&resource="
        "https%3A%2F%2Fgraph.microsoft.com");
  CHECK(sent.headers.get("X-IDENTITY-HEADER") == kIdentityHeader);
  CHECK(sent.body.empty());

  SECTION("the token is cached, then refreshed before it expires") {
    CHECK(fetch(*credential).token == "mi-token");
    CHECK(fixture.endpoint.mock->requests().size() == 1);
    fixture.endpoint.clock.advance(3600s - 4min);
    fetch(*credential);
    CHECK(fixture.endpoint.mock->requests().size() == 2);
  }
  SECTION("the header is masked in the verbose log") {
    bool sawRequest = false;
    for (const auto& line : fixture.log) {
      CHECK_FALSE(contains(line, kIdentityHeader));
      sawRequest = sawRequest || contains(line, "X-IDENTITY-HEADER: ***");
    }
    CHECK(sawRequest);
  }
}

TEST_CASE("ManagedIdentityCredential names a user-assigned identity as each protocol documents",
          "[auth][managed]") {
  ManagedFixture fixture;
  fixture.answerTokens();
  struct Case {
    ManagedIdentityId id;
    const char* appService;
    const char* imds;
  };
  const Case cases[] = {
      {ManagedIdentityId::clientId("c-1"), "&client_id=c-1", "&client_id=c-1"},
      {ManagedIdentityId::objectId("o-1"), "&principal_id=o-1", "&object_id=o-1"},
      {ManagedIdentityId::resourceId("/subscriptions/s/r"), "&mi_res_id=%2Fsubscriptions%2Fs%2Fr",
       "&msi_res_id=%2Fsubscriptions%2Fs%2Fr"},
  };
  for (const Case& c : cases) {
    ManagedIdentityCredentialOptions managed;
    managed.identity = c.id;
    fetch(*fixture.credential(kAppService, managed));
    fetch(*fixture.credential({}, managed));
  }
  const auto sent = fixture.endpoint.mock->requests();
  REQUIRE(sent.size() == 6);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(contains(sent[2 * i].url, cases[i].appService));
    CHECK(sent[2 * i + 1].url == std::string(kImdsTokenUrl) + cases[i].imds);
  }
}

TEST_CASE("ManagedIdentityCredential on a VM: IMDS with Metadata: true, retried as documented",
          "[auth][managed]") {
  ManagedFixture fixture;
  auto credential = fixture.credential({});
  CHECK(credential->source() == "IMDS");
  const std::string answer =
      Json::object({{"access_token", "imds-token"},
                    {"expires_in", "3599"},
                    {"expires_on", std::to_string(fixture.endpoint.clock.seconds() + 3599)}})
          .dump();
  SECTION("410 (IMDS updating) twice, then a token: 10 s between tries") {
    fixture.endpoint.mock->enqueue(410).enqueue(410).enqueue(200, answer);
    CHECK(fetch(*credential).token == "imds-token");
    CHECK(fixture.endpoint.retryWaits->waits() == std::vector<std::chrono::milliseconds>{10s, 10s});
  }
  SECTION("404, 429, 500: exponential 1 s, 2 s, 4 s") {
    fixture.endpoint.mock->enqueue(404).enqueue(429).enqueue(500).enqueue(200, answer);
    CHECK(fetch(*credential).token == "imds-token");
    CHECK(fixture.endpoint.retryWaits->waits() ==
          std::vector<std::chrono::milliseconds>{1s, 2s, 4s});
  }
  SECTION("410 for more than 70 s gives up with the status") {
    fixture.endpoint.mock->handler([](const HttpRequest&) { return response(410, ""); });
    CHECK(contains(messageOf(*credential), "ManagedIdentityCredential (IMDS) refused (HTTP 410)"));
    CHECK(fixture.endpoint.mock->requests().size() == 8);
  }
  const auto sent = fixture.endpoint.mock->requests();
  CHECK(sent.at(0).url == kImdsTokenUrl);
  CHECK(sent.at(0).headers.get("Metadata") == "true");
}

TEST_CASE(
    "ManagedIdentityCredential: IMDS that does not answer, or has no identity, is "
    "unavailable",
    "[auth][managed]") {
  ManagedFixture fixture;
  auto credential = fixture.credential({});
  SECTION("no answer: not retried, one clear error") {
    fixture.endpoint.mock->handler([](const HttpRequest&) -> HttpResponse {
      throw msgraph::TransportError(msgraph::TransportError::Kind::Timeout, "connect timed out");
    });
    const auto error = authenticationErrorFrom([&] { fetch(*credential); });
    CHECK(contains(error.what(),
                   "ManagedIdentityCredential (IMDS): no managed identity endpoint "
                   "answered"));
    REQUIRE(error.transportError() != nullptr);
    CHECK(fixture.endpoint.mock->requests().size() == 1);
  }
  SECTION("400 identity not found: its description") {
    fixture.endpoint.mock->enqueue(
        400, R"({"error":"invalid_request","error_description":"Identity not found"})");
    const std::string message = messageOf(*credential);
    CHECK(contains(message, "refused (HTTP 400): invalid_request: Identity not found"));
    CHECK(contains(message, "no managed identity"));
  }
}

TEST_CASE(
    "ManagedIdentityCredential on App Service: a refusal names status and message, never "
    "the header",
    "[auth][managed]") {
  ManagedFixture fixture;
  fixture.endpoint.mock->enqueue(
      401, std::string(R"({"statusCode":401,"message":"X-IDENTITY-HEADER )") + kIdentityHeader +
               R"( does not match"})");
  auto credential = fixture.credential(kAppService);
  const auto error = authenticationErrorFrom([&] { fetch(*credential); });
  CHECK(contains(error.what(), "ManagedIdentityCredential (App Service) refused (HTTP 401)"));
  CHECK(contains(error.what(), "does not match"));
  CHECK_FALSE(contains(error.what(), kIdentityHeader));
  CHECK_FALSE(contains(error.description(), kIdentityHeader));
  CHECK(fixture.endpoint.mock->requests().size() == 1);  // 401 is not retried
}

TEST_CASE("ManagedIdentityCredential on Azure Arc answers the agent's key file challenge",
          "[auth][managed]") {
  msgraph_test::TempDir dir;
  const std::string keyPath = dir.write("agent.key", "arc-key-secret-0451");
  ManagedFixture fixture;
  ManagedIdentityCredentialOptions managed;
  managed.arcKeyDirectory = dir.path("");
  managed.arcKeyDirectory.pop_back();  // no trailing slash
  const Variables arc{
      {"IDENTITY_ENDPOINT", "http://localhost:40342/metadata/identity/oauth2/token"},
      {"IMDS_ENDPOINT", "http://localhost:40342"}};
  auto challengeWith = [&](const std::string& realm) {
    HttpResponse challenge = response(401, "");
    challenge.headers.add("WWW-Authenticate", "Basic realm=" + realm);
    fixture.endpoint.mock->enqueue(challenge);
  };
  SECTION("the key file's content goes back as Basic credentials") {
    challengeWith(keyPath);
    fixture.endpoint.mock->enqueue(
        200, managedAnswer("arc-token", fixture.endpoint.clock.seconds() + 600));
    auto credential = fixture.credential(arc, managed);
    CHECK(credential->source() == "Azure Arc");
    CHECK(fetch(*credential).token == "arc-token");
    const auto sent = fixture.endpoint.mock->requests();
    REQUIRE(sent.size() == 2);
    CHECK(sent[0].url ==
          "http://localhost:40342/metadata/identity/oauth2/token?api-version=2019-11-01&resource="
          "https%3A%2F%2Fgraph.microsoft.com");
    CHECK(sent[0].headers.get("Metadata") == "true");
    CHECK_FALSE(sent[0].headers.get("Authorization"));
    CHECK(sent[1].headers.get("Authorization") == "Basic arc-key-secret-0451");
    for (const auto& line : fixture.log) CHECK_FALSE(contains(line, "arc-key-secret-0451"));
  }
  SECTION("a file outside the agent's directory is refused, and not read") {
    msgraph_test::TempDir other;
    challengeWith(other.write("stolen.key", "not-for-you"));
    const std::string message = messageOf(*fixture.credential(arc, managed));
    CHECK(contains(message, "ManagedIdentityCredential (Azure Arc): the agent's challenge names"));
    CHECK(contains(message, "which is not a .key file in " + managed.arcKeyDirectory));
    CHECK(fixture.endpoint.mock->requests().size() == 1);
  }
  SECTION("a key file over 4096 bytes is refused") {
    challengeWith(dir.write("big.key", std::string(4097, 'k')));
    CHECK(contains(messageOf(*fixture.credential(arc, managed)), "is larger than 4096 bytes"));
  }
  SECTION("a 401 without a challenge") {
    fixture.endpoint.mock->enqueue(401);
    CHECK(contains(messageOf(*fixture.credential(arc, managed)),
                   "the agent answered 401 without a WWW-Authenticate challenge"));
  }
  SECTION("a user-assigned identity is refused before anything is sent") {
    managed.identity = ManagedIdentityId::clientId("c-1");
    CHECK(contains(messageOf(*fixture.credential(arc, managed)),
                   "Azure Arc supports only the system-assigned identity"));
    CHECK(fixture.endpoint.mock->requests().empty());
  }
}

TEST_CASE("ManagedIdentityCredential refuses endpoints and scopes it must not use",
          "[auth][managed]") {
  ManagedFixture fixture;
  fixture.answerTokens();
  SECTION("IDENTITY_ENDPOINT over plain http to a remote host") {
    auto credential = fixture.credential(
        {{"IDENTITY_ENDPOINT", "http://attacker.example/msi/token"}, {"IDENTITY_HEADER", "h"}});
    CHECK(messageOf(*credential) ==
          "ManagedIdentityCredential (App Service): IDENTITY_ENDPOINT http:// is allowed only for "
          "loopback hosts; use https://");
  }
  SECTION("an IMDS endpoint other than the documented one, over http") {
    ManagedIdentityCredentialOptions managed;
    managed.imdsEndpoint = "http://169.254.169.253";
    CHECK(contains(messageOf(*fixture.credential({}, managed)),
                   "ManagedIdentityCredential (IMDS): imdsEndpoint http:// is allowed only"));
  }
  SECTION("a user-assigned identity with an empty id") {
    ManagedIdentityCredentialOptions managed;
    managed.identity = ManagedIdentityId::clientId("");
    CHECK(contains(messageOf(*fixture.credential({}, managed)),
                   "the user-assigned identity's id is empty"));
  }
  SECTION("two scopes, or one with a space") {
    auto credential = fixture.credential(kAppService);
    CHECK(validationErrorFrom([&] {
            credential->getToken({{kGraphScope, "https://x/.default"}}, {});
          }).field() == "scopes");
    CHECK(validationErrorFrom([&] {
            fetch(*credential, "https://graph microsoft/.default");
          }).field() == "scopes");
  }
  SECTION("an answer without a usable expiry") {
    fixture.endpoint.mock->enqueue(200, R"({"access_token":"t","expires_on":"yesterday"})");
    CHECK(
        contains(messageOf(*fixture.credential(kAppService)),
                 "the managed identity endpoint's answer (HTTP 200) has expires_on \"yesterday\", "
                 "which is not a time within a day from now"));
  }
  CHECK(fixture.endpoint.mock->requests().size() <= 1);
}
