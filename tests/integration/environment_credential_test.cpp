// SPDX-License-Identifier: MIT
// EnvironmentCredential and DefaultCredential against the emulator's token endpoint over HTTPS:
// the AZURE_* variables (a fake environment, never the process's) set up a secret or a
// certificate credential that signs in for real Graph calls.
#include <catch2/catch.hpp>

#include <map>

#include "integration/emulator.hpp"
#include "support/fake_environment.hpp"
#include "unit/test_certificates.hpp"

using testing_support::Emulator;

namespace {

using msgraph_test::environmentOf;

const std::string kTenant = "contoso.onmicrosoft.com";

// Token options for the emulator whose authority comes from AZURE_AUTHORITY_HOST.
msgraph::TokenCredentialOptions optionsWith(const Emulator& emulator,
                                            std::map<std::string, std::string> vars) {
  vars["AZURE_AUTHORITY_HOST"] = emulator.baseUrl();
  vars["AZURE_TENANT_ID"] = kTenant;
  msgraph::TokenCredentialOptions options;
  options.transportOptions = emulator.transportOptions();
  options.environment = environmentOf(std::move(vars));
  return options;
}

int putAndGet(const Emulator& emulator, std::shared_ptr<msgraph::TokenCredential> credential) {
  const msgraph::GraphClient client{msgraph::ClientOptions{}
                                        .baseUrl(emulator.baseUrl())
                                        .transportOptions(emulator.transportOptions())
                                        .credential(std::move(credential))};
  auto sync = client.policies().crossTenantAccessPolicy().partners("p-1").identitySynchronization();
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  REQUIRE(sync.put(policy).execute().status == 204);
  return sync.get().execute().status;
}

}  // namespace

TEST_CASE("EnvironmentCredential signs in to the emulator with a secret or a certificate",
          "[integration][auth][environment]") {
  msgraph_test::TempDir dir;
  const auto key = msgraph_test::rsaKey(2048);
  const auto certificate = msgraph_test::makeCertificate(key.get(), "app");
  const std::string certificatePem = msgraph_test::certificatePem(certificate.get());
  Emulator emulator({"--auto-create-partners", "--tenant", kTenant, "--app-cert",
                     std::string("cert-app:") + dir.write("app.pem", certificatePem)});
  SECTION("AZURE_CLIENT_SECRET") {
    auto credential = std::make_shared<msgraph::EnvironmentCredential>(optionsWith(
        emulator,
        {{"AZURE_CLIENT_ID", Emulator::kClientId}, {"AZURE_CLIENT_SECRET", Emulator::kSecret}}));
    CHECK(putAndGet(emulator, credential) == 200);
  }
  SECTION("AZURE_CLIENT_CERTIFICATE_PATH, through DefaultCredential") {
    const std::string bundle =
        dir.write("bundle.pem", certificatePem + msgraph_test::privateKeyPem(key.get()));
    auto credential = std::make_shared<msgraph::DefaultCredential>(optionsWith(
        emulator, {{"AZURE_CLIENT_ID", "cert-app"}, {"AZURE_CLIENT_CERTIFICATE_PATH", bundle}}));
    CHECK(putAndGet(emulator, credential) == 200);
    CHECK(credential->selectedCredential() == "EnvironmentCredential");
  }
  SECTION("a wrong AZURE_CLIENT_SECRET: the emulator's refusal, and the chain stops there") {
    auto credential = std::make_shared<msgraph::DefaultCredential>(optionsWith(
        emulator,
        {{"AZURE_CLIENT_ID", Emulator::kClientId}, {"AZURE_CLIENT_SECRET", "wrong-9f2"}}));
    std::optional<msgraph::AuthenticationError> error;
    try {
      credential->getToken({{emulator.baseUrl() + "/.default"}}, {});
    } catch (const msgraph::AuthenticationError& refused) {
      error = refused;
    }
    REQUIRE(error);
    CHECK(error->aadsts() == "AADSTS7000215");
    CHECK(std::string(error->what()).find("EnvironmentCredential: the token endpoint refused") !=
          std::string::npos);
    CHECK(std::string(error->what()).find("wrong-9f2") == std::string::npos);
  }
}
