// SPDX-License-Identifier: MIT
// EnvironmentCredential: which credential the AZURE_* variables set up, and the errors that
// name the variables (never their values) when they are missing or contradict each other.
#include <catch2/catch.hpp>

#include <string>

#include "msgraph/auth/environment_credential.hpp"
#include "support/temp_dir.hpp"
#include "unit/credential_test_support.hpp"
#include "unit/test_certificates.hpp"

using namespace msgraph_test::credentials;
using msgraph::EnvironmentCredential;

namespace {

const std::string kPassword = "pfx-P@ssw0rd";

std::unique_ptr<EnvironmentCredential> credentialWith(const MockTokenEndpoint& endpoint,
                                                      Variables vars) {
  auto options = endpoint.options();
  options.environment = environmentOf(std::move(vars));
  return std::make_unique<EnvironmentCredential>(options);
}

std::string messageOf(EnvironmentCredential& credential) {
  return authenticationErrorFrom([&] { fetch(credential); }).what();
}

}  // namespace

TEST_CASE("EnvironmentCredential with AZURE_CLIENT_SECRET posts the secret form",
          "[auth][environment]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto credential =
      credentialWith(endpoint, {{"AZURE_TENANT_ID", kTenant},
                                {"AZURE_CLIENT_ID", kClientId},
                                {"AZURE_CLIENT_SECRET", kSecret},
                                {"AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us"}});
  CHECK(credential->kind() == "ClientSecretCredential");
  CHECK(fetch(*credential).token == "token-1");
  CHECK(fetch(*credential).token == "token-1");  // the secret credential's cache
  const auto sent = endpoint.mock->requests();
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url ==
        "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token");
  CHECK(form(sent[0]).at("client_secret") == kSecret);
  CHECK(form(sent[0]).at("client_id") == kClientId);
}

TEST_CASE("EnvironmentCredential with AZURE_CLIENT_CERTIFICATE_PATH signs an assertion",
          "[auth][environment]") {
  msgraph_test::TempDir dir;
  const auto key = msgraph_test::rsaKey(2048);
  const auto certificate = msgraph_test::makeCertificate(key.get(), "app");
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  Variables vars{{"AZURE_TENANT_ID", kTenant}, {"AZURE_CLIENT_ID", kClientId}};
  SECTION("a PEM file") {
    vars["AZURE_CLIENT_CERTIFICATE_PATH"] =
        dir.write("app.pem", msgraph_test::certificatePem(certificate.get()) +
                                 msgraph_test::privateKeyPem(key.get()));
  }
  SECTION("a PFX file with its password, sending the chain") {
    vars["AZURE_CLIENT_CERTIFICATE_PATH"] =
        dir.write("app.pfx", msgraph_test::pfx(key.get(), certificate.get(), kPassword));
    vars["AZURE_CLIENT_CERTIFICATE_PASSWORD"] = kPassword;
    vars["AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"] = "true";
  }
  auto credential = credentialWith(endpoint, vars);
  CHECK(credential->kind() == "ClientCertificateCredential");
  CHECK(fetch(*credential).token == "token-1");
  const auto fields = form(endpoint.mock->requests().at(0));
  CHECK(fields.at("client_assertion_type") ==
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  CHECK(fields.at("client_assertion").size() > 100);
  const std::string& assertion = fields.at("client_assertion");
  const Json header =
      Json::parse(msgraph_test::base64UrlDecode(assertion.substr(0, assertion.find('.'))));
  const bool chainAsked = vars.count("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN") == 1;
  CHECK((header.find("x5c") != nullptr) == chainAsked);
}

TEST_CASE("EnvironmentCredential: missing or contradictory variables, named without values",
          "[auth][environment]") {
  MockTokenEndpoint endpoint;
  const Variables ids{{"AZURE_TENANT_ID", kTenant}, {"AZURE_CLIENT_ID", kClientId}};
  auto plus = [&](Variables more) {
    Variables all = ids;
    all.insert(more.begin(), more.end());
    return all;
  };
  SECTION("nothing set: not configured, every variable it needs named") {
    auto credential = credentialWith(endpoint, {});
    CHECK(credential->kind().empty());
    CHECK(messageOf(*credential) ==
          "EnvironmentCredential is not configured: AZURE_TENANT_ID, AZURE_CLIENT_ID, "
          "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH are not set");
  }
  SECTION("ids only (as under AKS workload identity): not configured") {
    CHECK(messageOf(*credentialWith(endpoint, ids)) ==
          "EnvironmentCredential is not configured: AZURE_CLIENT_SECRET or "
          "AZURE_CLIENT_CERTIFICATE_PATH is not set");
  }
  SECTION("a secret without a tenant") {
    CHECK(messageOf(*credentialWith(endpoint, {{"AZURE_CLIENT_SECRET", "hunter2-secret"}})) ==
          "EnvironmentCredential: AZURE_CLIENT_SECRET is set but AZURE_TENANT_ID and "
          "AZURE_CLIENT_ID are not");
  }
  SECTION("a secret and a certificate") {
    CHECK(
        messageOf(*credentialWith(endpoint, plus({{"AZURE_CLIENT_SECRET", "hunter2-secret"},
                                                  {"AZURE_CLIENT_CERTIFICATE_PATH", "/c.pem"}}))) ==
        "EnvironmentCredential: AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH are both "
        "set; set only one");
  }
  SECTION("a certificate password without a certificate") {
    const std::string message = messageOf(
        *credentialWith(endpoint, plus({{"AZURE_CLIENT_SECRET", "hunter2-secret"},
                                        {"AZURE_CLIENT_CERTIFICATE_PASSWORD", kPassword}})));
    CHECK(message ==
          "EnvironmentCredential: AZURE_CLIENT_CERTIFICATE_PASSWORD is set but "
          "AZURE_CLIENT_CERTIFICATE_PATH is not");
  }
  SECTION("a send-chain value that is not a boolean") {
    CHECK(messageOf(*credentialWith(
              endpoint, plus({{"AZURE_CLIENT_CERTIFICATE_PATH", "/c.pem"},
                              {"AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", "yes please"}}))) ==
          "EnvironmentCredential: AZURE_CLIENT_SEND_CERTIFICATE_CHAIN must be true, false, 1 or 0");
  }
  SECTION("a certificate file that does not exist") {
    CHECK(contains(messageOf(*credentialWith(
                       endpoint, plus({{"AZURE_CLIENT_CERTIFICATE_PATH", "/nonexistent/c.pem"}}))),
                   "EnvironmentCredential: AZURE_CLIENT_CERTIFICATE_PATH: "));
  }
  SECTION("a secret with a line break") {
    const std::string message =
        messageOf(*credentialWith(endpoint, plus({{"AZURE_CLIENT_SECRET", "hunter2\nsecret"}})));
    CHECK(message == "EnvironmentCredential: AZURE_CLIENT_SECRET contains a control character");
  }
  SECTION("an authority host that is not a URL") {
    CHECK(contains(messageOf(*credentialWith(endpoint, plus({{"AZURE_CLIENT_SECRET", "s3cret"},
                                                             {"AZURE_AUTHORITY_HOST", "login"}}))),
                   "EnvironmentCredential: AZURE_AUTHORITY_HOST must be a root URL"));
  }
  CHECK(endpoint.mock->requests().empty());
}
