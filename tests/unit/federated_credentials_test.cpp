// SPDX-License-Identifier: MIT
// ClientAssertionCredential and WorkloadIdentityCredential: the federated token as the client
// assertion, asked anew for every token request (a rotated Kubernetes token is picked up), the
// variables they read, and what they refuse.
#include <catch2/catch.hpp>

#include <atomic>
#include <string>

#include "msgraph/auth/client_assertion_credential.hpp"
#include "msgraph/auth/workload_identity_credential.hpp"
#include "support/temp_dir.hpp"
#include "unit/credential_test_support.hpp"

using namespace msgraph_test::credentials;
using msgraph::ClientAssertionCredential;
using msgraph::WorkloadIdentityCredential;

namespace {

constexpr const char* kJwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const std::string kFederatedToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnLTE";

Variables workloadVariables(const std::string& tokenFile) {
  return {{"AZURE_TENANT_ID", kTenant},
          {"AZURE_CLIENT_ID", kClientId},
          {"AZURE_FEDERATED_TOKEN_FILE", tokenFile},
          {"AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com/"}};
}

}  // namespace

TEST_CASE("ClientAssertionCredential posts the callback's assertion as a jwt-bearer assertion",
          "[auth][assertion]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  std::atomic<int> calls{0};
  ClientAssertionCredential credential(
      kTenant, kClientId,
      [&](const msgraph::CallContext&) { return "assertion-" + std::to_string(++calls); },
      endpoint.options());
  CHECK(fetch(credential).token == "token-1");
  CHECK(fetch(credential).token == "token-1");  // cached: the callback is not asked again
  REQUIRE(endpoint.mock->requests().size() == 1);
  const auto sent = endpoint.mock->requests()[0];
  CHECK(sent.url == kGlobalTokenUrl);
  const auto fields = form(sent);
  CHECK(fields.at("grant_type") == "client_credentials");
  CHECK(fields.at("client_id") == kClientId);
  CHECK(fields.at("client_assertion_type") == kJwtBearer);
  CHECK(fields.at("client_assertion") == "assertion-1");
  CHECK(fields.at("scope") == kGraphScope);
  CHECK(fields.count("client_secret") == 0);

  SECTION("a refresh asks the callback for a new assertion") {
    endpoint.clock.advance(3600s);
    CHECK(fetch(credential).token == "token-2");
    CHECK(form(endpoint.mock->requests().at(1)).at("client_assertion") == "assertion-2");
  }
  SECTION("a retried request carries a fresh assertion too") {
    endpoint.clock.advance(3600s);
    endpoint.mock->enqueue(response(503, errorBody("temporarily_unavailable")));
    endpoint.mock->enqueue(response(200, tokenBody("after-retry")));
    CHECK(fetch(credential).token == "after-retry");
    CHECK(form(endpoint.mock->requests().at(1)).at("client_assertion") == "assertion-2");
    CHECK(form(endpoint.mock->requests().at(2)).at("client_assertion") == "assertion-3");
  }
}

TEST_CASE("ClientAssertionCredential: a callback without a usable assertion sends nothing",
          "[auth][assertion]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto credentialReturning = [&](std::function<std::string()> make) {
    return ClientAssertionCredential(
        kTenant, kClientId, [make](const msgraph::CallContext&) { return make(); },
        endpoint.options());
  };
  SECTION("empty") {
    auto credential = credentialReturning([] { return std::string(); });
    CHECK(authenticationErrorFrom([&] { fetch(credential); }).what() ==
          "the client assertion callback returned an empty assertion"s);
  }
  SECTION("with a line break") {
    auto credential = credentialReturning([] { return std::string("a\r\nb"); });
    CHECK(contains(authenticationErrorFrom([&] { fetch(credential); }).what(),
                   "an assertion with a control character"));
  }
  SECTION("the callback throws: its text is kept, secrets in it masked") {
    auto credential = credentialReturning(
        []() -> std::string { throw std::runtime_error("cannot read assertion: eyJsecret"); });
    const std::string message = authenticationErrorFrom([&] { fetch(credential); }).what();
    CHECK(contains(message, "the client assertion callback failed: cannot read assertion"));
    CHECK_FALSE(contains(message, "eyJsecret"));
  }
  CHECK(endpoint.mock->requests().empty());
  CHECK(validationErrorFrom([&] {
          ClientAssertionCredential(kTenant, kClientId, nullptr, endpoint.options());
        }).field() == "callback");
}

TEST_CASE("WorkloadIdentityCredential signs in with the token file's current content",
          "[auth][workload]") {
  msgraph_test::TempDir dir;
  const std::string tokenFile = dir.write("token", kFederatedToken + "\n");
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto options = endpoint.options();
  options.environment = environmentOf(workloadVariables(tokenFile));
  WorkloadIdentityCredential credential(options);
  CHECK(fetch(credential).token == "token-1");
  const auto first = form(endpoint.mock->requests().at(0));
  CHECK(endpoint.mock->requests().at(0).url == kGlobalTokenUrl);  // AZURE_AUTHORITY_HOST's slash
  CHECK(first.at("client_assertion_type") == kJwtBearer);
  CHECK(first.at("client_assertion") == kFederatedToken);  // the trailing newline trimmed
  CHECK(first.at("client_id") == kClientId);

  SECTION("Kubernetes rotated the file: the next refresh sends the new token") {
    dir.write("token", "rotated.federated.token");
    CHECK(fetch(credential).token == "token-1");  // still cached: nothing read
    endpoint.clock.advance(3600s);
    CHECK(fetch(credential).token == "token-2");
    CHECK(form(endpoint.mock->requests().at(1)).at("client_assertion") ==
          "rotated.federated.token");
  }
  SECTION("the file became unreadable: the error names it, and nothing is sent") {
    std::filesystem::remove(tokenFile);
    endpoint.clock.advance(3600s);
    const std::string message = authenticationErrorFrom([&] { fetch(credential); }).what();
    CHECK(contains(message, "the federated token file " + tokenFile +
                                " (AZURE_FEDERATED_TOKEN_FILE) cannot be opened"));
    CHECK(endpoint.mock->requests().size() == 1);
  }
  SECTION("the file is empty") {
    dir.write("token", " \n");
    endpoint.clock.advance(3600s);
    CHECK(contains(authenticationErrorFrom([&] { fetch(credential); }).what(), ") is empty"));
  }
}

TEST_CASE("WorkloadIdentityCredential: explicit options win over the variables",
          "[auth][workload]") {
  msgraph_test::TempDir dir;
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto options = endpoint.options();
  options.environment = environmentOf(workloadVariables(dir.path("absent")));
  msgraph::WorkloadIdentityCredentialOptions workload;
  workload.tenantId = "fabrikam.onmicrosoft.com";
  workload.clientId = "explicit-client";
  workload.tokenFilePath = dir.write("explicit", "explicit.token");
  WorkloadIdentityCredential credential(options, workload);
  fetch(credential);
  const auto sent = endpoint.mock->requests().at(0);
  CHECK(contains(sent.url, "/fabrikam.onmicrosoft.com/oauth2/v2.0/token"));
  CHECK(form(sent).at("client_id") == "explicit-client");
  CHECK(form(sent).at("client_assertion") == "explicit.token");
}

TEST_CASE("WorkloadIdentityCredential names the variables it misses, never their values",
          "[auth][workload]") {
  MockTokenEndpoint endpoint;
  auto withVariables = [&](Variables vars) {
    auto options = endpoint.options();
    options.environment = environmentOf(std::move(vars));
    return std::make_unique<WorkloadIdentityCredential>(options);
  };
  SECTION("none set") {
    auto credential = withVariables({});
    CHECK(authenticationErrorFrom([&] { fetch(*credential); }).what() ==
          "WorkloadIdentityCredential is not configured: AZURE_TENANT_ID, AZURE_CLIENT_ID, "
          "AZURE_FEDERATED_TOKEN_FILE are not set"s);
  }
  SECTION("only the token file is missing") {
    auto credential = withVariables({{"AZURE_TENANT_ID", kTenant}, {"AZURE_CLIENT_ID", "c"}});
    CHECK(authenticationErrorFrom([&] { fetch(*credential); }).what() ==
          "WorkloadIdentityCredential is not configured: AZURE_FEDERATED_TOKEN_FILE is not set"s);
  }
  SECTION("a tenant with a line break is refused by its variable's name") {
    auto credential = withVariables({{"AZURE_TENANT_ID", "evil\ntenant"},
                                     {"AZURE_CLIENT_ID", "c"},
                                     {"AZURE_FEDERATED_TOKEN_FILE", "/f"}});
    const std::string message = authenticationErrorFrom([&] { fetch(*credential); }).what();
    CHECK(message == "WorkloadIdentityCredential: AZURE_TENANT_ID contains a control character"s);
  }
  SECTION("an authority host over plain http is refused by its variable's name") {
    auto credential = withVariables({{"AZURE_TENANT_ID", kTenant},
                                     {"AZURE_CLIENT_ID", "c"},
                                     {"AZURE_FEDERATED_TOKEN_FILE", "/f"},
                                     {"AZURE_AUTHORITY_HOST", "http://login.example.com"}});
    CHECK(contains(authenticationErrorFrom([&] { fetch(*credential); }).what(),
                   "WorkloadIdentityCredential: AZURE_AUTHORITY_HOST http:// is allowed only"));
  }
  CHECK(endpoint.mock->requests().empty());
}
