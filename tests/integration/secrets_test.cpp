// SPDX-License-Identifier: MIT
// Every verb with every credential, at the most verbose log level, plus what-if and failures:
// no secret byte sequence (client secret, private key, client assertion, access token) appears in
// any text the library hands out: log lines, what-if output, error messages, attempt records.
// (The credentials that need other endpoints are covered in
// tests/http/credential_secrets_test.cpp.)
#include <catch2/catch.hpp>

#include <mutex>
#include <sstream>

#include "integration/emulator.hpp"
#include "integration/federated_workload.hpp"
#include "support/fake_environment.hpp"
#include "unit/test_certificates.hpp"

using testing_support::Emulator;
namespace models = msgraph::models;

namespace {

const std::string kTenant = "contoso.onmicrosoft.com";

// Everything the library said, from every logger, what-if and error.
class Capture {
 public:
  msgraph::Logger logger() {
    return [this](msgraph::LogLevel, std::string_view line) { add(line); };
  }
  void add(std::string_view text) {
    std::lock_guard<std::mutex> lock(mutex_);
    text_.append(text).push_back('\n');
  }
  std::string text() {
    std::lock_guard<std::mutex> lock(mutex_);
    return text_;
  }

 private:
  std::mutex mutex_;
  std::string text_;
};

std::string formField(const std::string& form, const std::string& name) {
  const std::string key = name + "=";
  for (std::size_t at = 0; at < form.size();) {
    std::size_t end = form.find('&', at);
    if (end == std::string::npos) end = form.size();
    if (form.compare(at, key.size(), key) == 0)
      return form.substr(at + key.size(), end - at - key.size());
    at = end + 1;
  }
  return {};
}

// Passes everything on and keeps the secrets that crossed the wire: client assertions sent and
// access tokens received. The test needs them to look for them; the library never shows them.
class SecretRecordingTransport final : public msgraph::HttpTransport {
 public:
  explicit SecretRecordingTransport(const msgraph::CurlTransportOptions& options)
      : inner_(options) {}
  msgraph::HttpResponse send(const msgraph::HttpRequest& request,
                             const msgraph::CallContext& context) override {
    auto response = inner_.send(request, context);
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto assertion = formField(request.body, "client_assertion"); !assertion.empty()) {
      secrets_.push_back(assertion);
      secrets_.push_back(assertion.substr(assertion.rfind('.') + 1));  // the signature alone
    }
    const bool tokenEndpoint = request.url.find("/oauth2/") != std::string::npos ||
                               request.url.find("/msi/token") != std::string::npos;
    if (response.status == 200 && tokenEndpoint) {
      secrets_.push_back(msgraph::Json::parse(response.body).find("access_token")->asString());
    }
    return response;
  }
  std::vector<std::string> secrets() {
    std::lock_guard<std::mutex> lock(mutex_);
    return secrets_;
  }

 private:
  msgraph::CurlTransport inner_;
  std::mutex mutex_;
  std::vector<std::string> secrets_;
};

// The base64 lines of a PEM private key: any one of them in the output would leak key bytes.
std::vector<std::string> keyLines(const std::string& pem) {
  std::vector<std::string> lines;
  std::istringstream in(pem);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("-----", 0) != 0 && line.size() >= 16) lines.push_back(line);
  }
  return lines;
}

auto syncOf(const msgraph::GraphClient& client, const std::string& partner = "partner-1") {
  return client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
}

// The four verbs, their what-ifs, and a 404, all told to `capture`.
void runEveryVerb(const msgraph::GraphClient& client, Capture& capture) {
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  auto sync = syncOf(client);
  capture.add(sync.put(policy).whatIf().toDisplayString());
  capture.add(sync.get().whatIf().toDisplayString());
  capture.add(sync.patch(policy).whatIf().toDisplayString());
  capture.add(sync.remove().whatIf().toDisplayString());
  REQUIRE(sync.put(policy).execute().status == 204);
  REQUIRE(sync.get().execute().value.has_value());
  REQUIRE(sync.patch(policy).execute().status == 204);
  REQUIRE(sync.remove().execute().status == 204);
  auto missing = sync.get().send();
  REQUIRE_FALSE(missing.ok());
  capture.add(missing.error().what());
  for (const auto& attempt : missing.error().attempts()) capture.add(attempt.error);
}

void requireNoSecret(const std::string& output, const std::vector<std::string>& secrets) {
  REQUIRE_FALSE(output.empty());
  for (const auto& secret : secrets) {
    INFO("secret of " << secret.size() << " bytes, starting " << secret.substr(0, 4));
    CHECK(output.find(secret) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("no secret reaches a log line, a what-if or an error, for any credential",
          "[integration][auth]") {
  msgraph_test::TempDir dir;
  const auto key = msgraph_test::rsaKey(2048);
  const auto certificate = msgraph_test::makeCertificate(key.get(), "app");
  const std::string certificatePem = msgraph_test::certificatePem(certificate.get());
  const std::string keyPem = msgraph_test::privateKeyPem(key.get());
  const testing_support::FederatedWorkload workload;
  const std::string identityHeader = "identity-header-c0ffee";
  std::vector<std::string> flags = workload.emulatorFlags();
  flags.insert(flags.end(), {"--auto-create-partners", "--app-cert",
                             std::string("cert-app:") + dir.write("app.pem", certificatePem),
                             "--identity-header", identityHeader, "--managed-identity"});
  Emulator emulator(flags);
  Capture capture;
  auto recorder = std::make_shared<SecretRecordingTransport>(emulator.transportOptions());
  auto tokenOptions = emulator.tokenOptions();
  tokenOptions.transport = recorder;
  tokenOptions.logger = capture.logger();
  auto clientWith = [&](std::shared_ptr<msgraph::TokenCredential> credential) {
    return msgraph::GraphClient{msgraph::ClientOptions{}
                                    .baseUrl(emulator.baseUrl())
                                    .transport(recorder)
                                    .logger(capture.logger())
                                    .credential(std::move(credential))};
  };
  std::vector<std::string> secrets = {Emulator::kSecret, "s3cr3t~value%26with%3Dspecials"};
  for (const auto& line : keyLines(keyPem)) secrets.push_back(line);

  SECTION("client secret") {
    runEveryVerb(clientWith(std::make_shared<msgraph::ClientSecretCredential>(
                     kTenant, Emulator::kClientId, Emulator::kSecret, tokenOptions)),
                 capture);
  }
  SECTION("certificate, PS256 and RS256 with the chain") {
    for (const auto& options :
         {msgraph::ClientCertificateOptions{msgraph::AssertionAlgorithm::PS256, false},
          msgraph::ClientCertificateOptions{msgraph::AssertionAlgorithm::RS256, true}}) {
      runEveryVerb(
          clientWith(std::make_shared<msgraph::ClientCertificateCredential>(
              kTenant, "cert-app", msgraph::ClientCertificate::fromPem(certificatePem + keyPem),
              tokenOptions, options)),
          capture);
    }
  }
  SECTION("a static token, and a token Graph refuses") {
    msgraph::ClientSecretCredential source(kTenant, Emulator::kClientId, Emulator::kSecret,
                                           tokenOptions);
    const auto token =
        source.getToken({{emulator.baseUrl() + "/.default"}}, msgraph::CallContext()).token;
    runEveryVerb(clientWith(std::make_shared<msgraph::StaticTokenCredential>(token)), capture);
    const std::string refused = "eyJhbGciOiJub25lIn0.forged-token-body.forged-signature";
    secrets.push_back(refused);
    auto result =
        syncOf(clientWith(std::make_shared<msgraph::StaticTokenCredential>(refused))).get().send();
    REQUIRE_FALSE(result.ok());
    capture.add(result.error().what());
  }
  SECTION("EnvironmentCredential and DefaultCredential from AZURE_* variables") {
    auto environmentOptions = tokenOptions;
    environmentOptions.environment =
        msgraph_test::environmentOf({{"AZURE_TENANT_ID", kTenant},
                                     {"AZURE_CLIENT_ID", Emulator::kClientId},
                                     {"AZURE_CLIENT_SECRET", Emulator::kSecret}});
    runEveryVerb(clientWith(std::make_shared<msgraph::EnvironmentCredential>(environmentOptions)),
                 capture);
    runEveryVerb(clientWith(std::make_shared<msgraph::DefaultCredential>(environmentOptions)),
                 capture);
  }
  SECTION("WorkloadIdentityCredential, ManagedIdentityCredential, and a refused identity header") {
    const std::string assertion = workload.token();
    secrets.insert(secrets.end(), {assertion, assertion.substr(assertion.rfind('.') + 1),
                                   identityHeader, "stale-identity-header-5e"});
    workload.writeTokenFile(assertion);
    auto workloadOptions = tokenOptions;
    workloadOptions.environment =
        msgraph_test::environmentOf({{"AZURE_TENANT_ID", kTenant},
                                     {"AZURE_CLIENT_ID", testing_support::FederatedWorkload::kApp},
                                     {"AZURE_FEDERATED_TOKEN_FILE", workload.tokenFile()}});
    runEveryVerb(clientWith(std::make_shared<msgraph::WorkloadIdentityCredential>(workloadOptions)),
                 capture);
    const auto managedOptions = [&](const std::string& header) {
      auto options = tokenOptions;
      options.environment = msgraph_test::environmentOf(
          {{"IDENTITY_ENDPOINT", emulator.baseUrl() + "/msi/token"}, {"IDENTITY_HEADER", header}});
      return options;
    };
    runEveryVerb(clientWith(std::make_shared<msgraph::ManagedIdentityCredential>(
                     managedOptions(identityHeader))),
                 capture);
    auto refused = syncOf(clientWith(std::make_shared<msgraph::ManagedIdentityCredential>(
                              managedOptions("stale-identity-header-5e"))))
                       .get()
                       .send();
    REQUIRE_FALSE(refused.ok());
    capture.add(refused.error().what());
  }
  SECTION("a wrong client secret") {
    const std::string wrong = "wrong-secret-7f3a9c";
    secrets.push_back(wrong);
    auto result = syncOf(clientWith(std::make_shared<msgraph::ClientSecretCredential>(
                             kTenant, Emulator::kClientId, wrong, tokenOptions)))
                      .get()
                      .send();
    REQUIRE_FALSE(result.ok());
    capture.add(result.error().what());
  }
  const auto recorded = recorder->secrets();
  secrets.insert(secrets.end(), recorded.begin(), recorded.end());
  const std::string output = capture.text();
  // The log really is verbose: token requests and Graph requests, with their masked secrets.
  CHECK(output.find("oauth2/v2.0/token") != std::string::npos);
  CHECK(output.find("***") != std::string::npos);
  requireNoSecret(output, secrets);
}
