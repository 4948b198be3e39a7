// SPDX-License-Identifier: MIT
// Signing in against the emulator's token endpoint over HTTPS: certificates, refusals, the token
// cache under threads and near expiry, and the 401 refresh.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <thread>

#include "integration/emulator.hpp"
#include "support/error_of.hpp"
#include "unit/test_certificates.hpp"

using testing_support::Emulator;

namespace {

const std::string kTenant = "contoso.onmicrosoft.com";

// Passes requests on, counting and keeping the token requests.
class CountingTransport final : public msgraph::HttpTransport {
 public:
  explicit CountingTransport(const msgraph::CurlTransportOptions& options)
      : inner_(std::make_shared<msgraph::CurlTransport>(options)) {}
  msgraph::HttpResponse send(const msgraph::HttpRequest& request,
                             const msgraph::CallContext& context) override {
    if (request.url.find("/oauth2/v2.0/token") != std::string::npos) {
      ++tokenRequests;
      std::lock_guard<std::mutex> lock(mutex_);
      lastTokenRequest_ = request;
    }
    return inner_->send(request, context);
  }
  msgraph::HttpRequest lastTokenRequest() {
    std::lock_guard<std::mutex> lock(mutex_);
    return lastTokenRequest_;
  }
  msgraph::HttpTransport& inner() { return *inner_; }
  std::atomic<int> tokenRequests{0};

 private:
  std::shared_ptr<msgraph::HttpTransport> inner_;
  std::mutex mutex_;
  msgraph::HttpRequest lastTokenRequest_;
};

// An app certificate: the PEM the emulator registers, and the PEM (certificate + key) the app
// signs with.
struct AppCertificate {
  msgraph_test::Key key = msgraph_test::rsaKey(2048);
  msgraph_test::Certificate certificate = msgraph_test::makeCertificate(key.get(), "app");
  std::string certificatePem = msgraph_test::certificatePem(certificate.get());
  std::string bundlePem = certificatePem + msgraph_test::privateKeyPem(key.get());
};

auto syncOf(const msgraph::GraphClient& client, const std::string& partner = "partner-1") {
  return client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
}

msgraph::GraphClient clientWith(const Emulator& emulator,
                                std::shared_ptr<msgraph::TokenCredential> credential) {
  return msgraph::GraphClient{msgraph::ClientOptions{}
                                  .baseUrl(emulator.baseUrl())
                                  .transportOptions(emulator.transportOptions())
                                  .credential(std::move(credential))};
}

msgraph::AuthenticationError authError(const msgraph::GraphClient& client) {
  return msgraph_test::errorOf<msgraph::AuthenticationError>(syncOf(client).get().send());
}

}  // namespace

TEST_CASE("a certificate credential signs in for all four verbs", "[integration][auth]") {
  msgraph_test::TempDir dir;
  AppCertificate app;
  Emulator emulator({"--auto-create-partners", "--tenant", kTenant, "--app-cert",
                     std::string("cert-app:") + dir.write("app.pem", app.certificatePem)});
  for (const auto algorithm :
       {msgraph::AssertionAlgorithm::PS256, msgraph::AssertionAlgorithm::RS256}) {
    auto credential = std::make_shared<msgraph::ClientCertificateCredential>(
        kTenant, "cert-app", msgraph::ClientCertificate::fromPem(app.bundlePem),
        emulator.tokenOptions(), msgraph::ClientCertificateOptions{algorithm, false});
    const auto client = clientWith(emulator, credential);
    msgraph::models::IdentitySyncPolicyPartner policy;
    policy.displayName = "Fabrikam";
    CHECK(syncOf(client).put(policy).execute().status == 204);
    CHECK(syncOf(client).get().execute().value->displayName.value() == "Fabrikam");
    CHECK(syncOf(client).patch(policy).execute().status == 204);
    CHECK(syncOf(client).remove().execute().status == 204);
  }
}

TEST_CASE("the token endpoint's refusals reach the caller", "[integration][auth]") {
  msgraph_test::TempDir dir;
  AppCertificate registered;
  AppCertificate stranger;
  Emulator emulator({"--tenant", kTenant, "--app-cert",
                     std::string("cert-app:") + dir.write("app.pem", registered.certificatePem)});
  SECTION("a certificate that is not registered") {
    const auto client = clientWith(
        emulator, std::make_shared<msgraph::ClientCertificateCredential>(
                      kTenant, "cert-app", msgraph::ClientCertificate::fromPem(stranger.bundlePem),
                      emulator.tokenOptions()));
    const auto error = authError(client);
    CHECK(error.error() == "invalid_client");
    CHECK(error.aadsts() == "AADSTS700027");
  }
  SECTION("an expired assertion (the clock is an hour behind)") {
    auto options = emulator.tokenOptions();
    options.clock = [] { return std::chrono::system_clock::now() - std::chrono::hours(1); };
    const auto client = clientWith(
        emulator, std::make_shared<msgraph::ClientCertificateCredential>(
                      kTenant, "cert-app",
                      msgraph::ClientCertificate::fromPem(registered.bundlePem), options));
    CHECK(authError(client).aadsts() == "AADSTS500133");
  }
  SECTION("an unknown tenant") {
    const auto client = clientWith(emulator, std::make_shared<msgraph::ClientSecretCredential>(
                                                 "fabrikam.onmicrosoft.com", Emulator::kClientId,
                                                 Emulator::kSecret, emulator.tokenOptions()));
    CHECK(authError(client).aadsts() == "AADSTS90002");
  }
}

TEST_CASE("a replayed client assertion is refused", "[integration][auth]") {
  msgraph_test::TempDir dir;
  AppCertificate app;
  Emulator emulator({"--tenant", kTenant, "--app-cert",
                     std::string("cert-app:") + dir.write("app.pem", app.certificatePem)});
  auto options = emulator.tokenOptions();
  auto counting = std::make_shared<CountingTransport>(emulator.transportOptions());
  options.transport = counting;
  msgraph::ClientCertificateCredential credential(
      kTenant, "cert-app", msgraph::ClientCertificate::fromPem(app.bundlePem), options);
  credential.getToken({{"https://graph.microsoft.com/.default"}}, {});
  const msgraph::HttpResponse replay =
      counting->inner().send(counting->lastTokenRequest(), msgraph::CallContext());
  CHECK(replay.status == 401);
  CHECK(msgraph::Json::parse(replay.body).find("error")->asString() == "invalid_client");
}

TEST_CASE("100 calls on 8 threads make exactly one token request", "[integration][auth][threads]") {
  Emulator emulator({"--auto-create-partners"});
  auto options = emulator.tokenOptions();
  auto counting = std::make_shared<CountingTransport>(emulator.transportOptions());
  options.transport = counting;
  const auto client =
      clientWith(emulator, std::make_shared<msgraph::ClientSecretCredential>(
                               kTenant, Emulator::kClientId, Emulator::kSecret, options));
  std::atomic<int> succeeded{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 100; i += 8) {
        msgraph::models::IdentitySyncPolicyPartner policy;
        policy.displayName = "call " + std::to_string(i);
        // A partner per call: a second PUT of one policy is a 409, as in Graph.
        succeeded += syncOf(client, "partner-" + std::to_string(i)).put(policy).send().ok() ? 1 : 0;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(succeeded == 100);
  CHECK(counting->tokenRequests == 1);
}

TEST_CASE("a token near its expiry is refreshed", "[integration][auth]") {
  Emulator emulator({"--auto-create-partners"});
  auto options = emulator.tokenOptions();
  auto counting = std::make_shared<CountingTransport>(emulator.transportOptions());
  options.transport = counting;
  auto skew = std::make_shared<std::atomic<long long>>(0);
  options.clock = [skew] { return std::chrono::system_clock::now() + std::chrono::seconds(*skew); };
  const auto client =
      clientWith(emulator, std::make_shared<msgraph::ClientSecretCredential>(
                               kTenant, Emulator::kClientId, Emulator::kSecret, options));
  CHECK(syncOf(client).remove().send().ok() == false);  // 404, but signed in
  CHECK(counting->tokenRequests == 1);
  *skew = 3599 - 6 * 60;  // six minutes left: still used
  syncOf(client).remove().send();
  CHECK(counting->tokenRequests == 1);
  *skew = 3599 - 4 * 60;  // four minutes left: inside the 5-minute margin, refreshed
  syncOf(client).remove().send();
  CHECK(counting->tokenRequests == 2);
}

TEST_CASE("a 401 from Graph makes exactly one refresh and retry", "[integration][auth]") {
  msgraph_test::TempDir dir;
  const std::string data = dir.path("state.json");
  Emulator first({"--auto-create-partners"}, data);
  const std::string url = first.baseUrl();
  auto transport = std::make_shared<CountingTransport>(first.transportOptions());
  auto options = first.tokenOptions();
  options.transport = transport;
  const msgraph::GraphClient client{
      msgraph::ClientOptions{}.baseUrl(url).transport(transport).credential(
          std::make_shared<msgraph::ClientSecretCredential>(kTenant, Emulator::kClientId,
                                                            Emulator::kSecret, options))};
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  CHECK(syncOf(client).put(policy).execute().status == 204);
  CHECK(transport->tokenRequests == 1);

  // A restart on the same port with the same data and TLS files forgets the issued tokens.
  first.daemon().stop(SIGTERM);
  const Emulator second({"--auto-create-partners"}, data, std::stoi(url.substr(url.rfind(':') + 1)),
                        first.tlsDir());
  auto got = syncOf(client).get().execute();
  CHECK(got.value->displayName.value() == "Fabrikam");
  CHECK(transport->tokenRequests == 2);
}
