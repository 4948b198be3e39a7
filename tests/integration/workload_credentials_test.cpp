// SPDX-License-Identifier: MIT
// The library's workload credentials end to end against the emulator over HTTPS: the
// WorkloadIdentityCredential with a token file signed by a key made here, the
// ManagedIdentityCredential at {base}/msi/token and at IMDS's path (410s retried through the
// injected sleeper, so nothing waits), and the DefaultCredential chain picking each in its
// order, or failing with every reason. The variables come from a fake environment, never the
// process's; IMDS is only ever the emulator or a closed port of 127.0.0.1.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>

#include "integration/emulator.hpp"
#include "integration/federated_workload.hpp"
#include "integration/workload_sign_in.hpp"
#include "support/fake_environment.hpp"

using testing_support::Emulator;
using testing_support::FederatedWorkload;
using Variables = std::map<std::string, std::string>;

namespace {

const std::string kScope = "https://graph.microsoft.com/.default";
const std::string kHeader = "identity-header-7f3a";
const std::string kUserAssigned = "55555555-6666-7777-8888-999999999999";
const std::string kClosedImds = "http://127.0.0.1:1";

// A clock the test moves, for expiry without waiting.
struct TestClock {
  std::atomic<long long> offsetSeconds{0};
  std::function<std::chrono::system_clock::time_point()> function() {
    return
        [this] { return std::chrono::system_clock::now() + std::chrono::seconds(offsetSeconds); };
  }
};

// Token options for the emulator, reading `vars` as the environment.
msgraph::TokenCredentialOptions optionsWith(const Emulator& emulator, Variables vars) {
  msgraph::TokenCredentialOptions options;
  options.transportOptions = emulator.transportOptions();
  options.environment = msgraph_test::environmentOf(std::move(vars));
  options.sleeper = [](std::chrono::milliseconds) {};
  return options;
}

Variables workloadVariables(const Emulator& emulator, const std::string& tokenFile) {
  return {{"AZURE_TENANT_ID", FederatedWorkload::kTenant},
          {"AZURE_CLIENT_ID", FederatedWorkload::kApp},
          {"AZURE_FEDERATED_TOKEN_FILE", tokenFile},
          {"AZURE_AUTHORITY_HOST", emulator.baseUrl()}};
}

Variables appServiceVariables(const Emulator& emulator, const std::string& header = kHeader) {
  return {{"IDENTITY_ENDPOINT", emulator.baseUrl() + "/msi/token"}, {"IDENTITY_HEADER", header}};
}

// The AuthenticationError that `call` throws.
template <typename Call>
msgraph::AuthenticationError authenticationErrorOf(Call&& call) {
  try {
    call();
  } catch (const msgraph::AuthenticationError& error) {
    return error;
  }
  FAIL("no AuthenticationError");
  throw std::logic_error("unreachable");
}

// Whether Graph (the emulator) lets `token` write and read a policy.
void requireGraphAccepts(const Emulator& emulator, const msgraph::AccessToken& token,
                         const std::string& partner) {
  const auto access = testing_support::graphAccessOf(emulator, token.token, partner);
  CHECK(access.put == 204);
  CHECK(access.get == 200);
}

}  // namespace

TEST_CASE("WorkloadIdentityCredential signs in with the token file and rereads it at refresh",
          "[integration][auth][workload]") {
  const FederatedWorkload workload;
  std::vector<std::string> flags = workload.emulatorFlags();
  flags.insert(flags.end(), {"--tenant", FederatedWorkload::kTenant, "--auto-create-partners"});
  const Emulator emulator(flags);
  workload.writeTokenFile(workload.token());
  TestClock clock;
  msgraph::TokenCredentialOptions options =
      optionsWith(emulator, workloadVariables(emulator, workload.tokenFile()));
  options.clock = clock.function();
  msgraph::WorkloadIdentityCredential credential(options);

  const msgraph::AccessToken first = credential.getToken({{kScope}}, {});
  requireGraphAccepts(emulator, first, "p-workload-1");
  // Cached: a file the emulator would refuse is not even read before the token nears expiry.
  workload.writeTokenFile(workload.token("system:serviceaccount:other:sa"));
  CHECK(credential.getToken({{kScope}}, {}).token == first.token);

  clock.offsetSeconds = 3600;  // past the token's expiry: the next call refreshes
  const msgraph::AuthenticationError refused =
      authenticationErrorOf([&] { credential.getToken({{kScope}}, {}); });
  CHECK(refused.aadsts() == "AADSTS700213");

  workload.writeTokenFile(workload.token(FederatedWorkload::kSubject, 1));  // rotated, valid
  const msgraph::AccessToken second = credential.getToken({{kScope}}, {});
  CHECK(second.token != first.token);
  requireGraphAccepts(emulator, second, "p-workload-2");
}

TEST_CASE("WorkloadIdentityCredential: an unreadable token file is an error naming the file",
          "[integration][auth][workload]") {
  const FederatedWorkload workload;
  const Emulator emulator(workload.emulatorFlags());
  msgraph::WorkloadIdentityCredential credential(
      optionsWith(emulator, workloadVariables(emulator, workload.tokenFile())));
  const std::string message =
      authenticationErrorOf([&] { credential.getToken({{kScope}}, {}); }).what();
  CHECK(message.find(workload.tokenFile()) != std::string::npos);
  CHECK(message.find("WorkloadIdentityCredential") != std::string::npos);
}

TEST_CASE("ManagedIdentityCredential at App Service's endpoint: system- and user-assigned",
          "[integration][auth][managed]") {
  const Emulator emulator({"--auto-create-partners", "--identity-header", kHeader,
                           "--managed-identity", "--managed-identity", kUserAssigned});
  SECTION("the system-assigned identity, its token cached until it nears expiry") {
    TestClock clock;
    msgraph::TokenCredentialOptions options = optionsWith(emulator, appServiceVariables(emulator));
    options.clock = clock.function();
    msgraph::ManagedIdentityCredential credential(options);
    CHECK(credential.source() == "App Service");
    const msgraph::AccessToken first = credential.getToken({{kScope}}, {});
    requireGraphAccepts(emulator, first, "p-system");
    CHECK(credential.getToken({{kScope}}, {}).token == first.token);
    // Inside the 5 minutes before its expiry (it lives 3599 s), yet before the expires_on of
    // the next answer, which is absolute and set by the emulator's clock.
    clock.offsetSeconds = 3400;
    const msgraph::AccessToken refreshed = credential.getToken({{kScope}}, {});
    CHECK(refreshed.token != first.token);
    requireGraphAccepts(emulator, refreshed, "p-system-2");
  }
  SECTION("the user-assigned identity by client id") {
    msgraph::ManagedIdentityCredentialOptions managed;
    managed.identity = msgraph::ManagedIdentityId::clientId(kUserAssigned);
    msgraph::ManagedIdentityCredential credential(
        optionsWith(emulator, appServiceVariables(emulator)), managed);
    requireGraphAccepts(emulator, credential.getToken({{kScope}}, {}), "p-user");
  }
  SECTION("a wrong IDENTITY_HEADER is refused, and not shown") {
    msgraph::ManagedIdentityCredential credential(
        optionsWith(emulator, appServiceVariables(emulator, "stale-header-91c")));
    const msgraph::AuthenticationError refused =
        authenticationErrorOf([&] { credential.getToken({{kScope}}, {}); });
    CHECK(refused.details().status == 401);
    CHECK(std::string(refused.what()).find("stale-header-91c") == std::string::npos);
    CHECK(std::string(refused.what()).find(kHeader) == std::string::npos);
  }
}

TEST_CASE("ManagedIdentityCredential at IMDS retries 410 Gone, waiting through the sleeper",
          "[integration][auth][managed]") {
  const Emulator emulator(
      {"--auto-create-partners", "--imds", "--managed-identity", "--imds-gone-first", "2"});
  std::mutex mutex;
  std::vector<std::chrono::milliseconds> waits;
  msgraph::TokenCredentialOptions options = optionsWith(emulator, {});
  options.sleeper = [&](std::chrono::milliseconds wait) {
    std::lock_guard<std::mutex> lock(mutex);
    waits.push_back(wait);
  };
  msgraph::ManagedIdentityCredentialOptions managed;
  managed.imdsEndpoint = emulator.baseUrl();
  msgraph::ManagedIdentityCredential credential(options, managed);
  CHECK(credential.source() == "IMDS");
  requireGraphAccepts(emulator, credential.getToken({{kScope}}, {}), "p-imds");
  CHECK(waits ==
        std::vector<std::chrono::milliseconds>{std::chrono::seconds(10), std::chrono::seconds(10)});
}

TEST_CASE("DefaultCredential picks environment, then workload identity, then managed identity",
          "[integration][auth][chain]") {
  const FederatedWorkload workload;
  std::vector<std::string> flags = workload.emulatorFlags();
  flags.insert(flags.end(), {"--tenant", FederatedWorkload::kTenant, "--auto-create-partners",
                             "--identity-header", kHeader, "--managed-identity"});
  const Emulator emulator(flags);
  workload.writeTokenFile(workload.token());
  Variables everything = workloadVariables(emulator, workload.tokenFile());
  everything.merge(appServiceVariables(emulator));
  msgraph::DefaultCredentialOptions chain;
  chain.managedIdentity.imdsEndpoint = kClosedImds;
  chain.azureCli.path = "/nonexistent";
  const auto pick = [&](Variables vars) {
    msgraph::DefaultCredential credential(optionsWith(emulator, std::move(vars)), chain);
    requireGraphAccepts(emulator, credential.getToken({{kScope}}, {}), "p-chain");
    return credential.selectedCredential();
  };
  SECTION("a client secret first") {
    Variables vars = everything;
    vars["AZURE_CLIENT_ID"] = Emulator::kClientId;
    vars["AZURE_CLIENT_SECRET"] = Emulator::kSecret;
    CHECK(pick(vars) == "EnvironmentCredential");
  }
  SECTION("without a secret, the token file") {
    CHECK(pick(everything) == "WorkloadIdentityCredential");
  }
  SECTION("without a token file or an app, the managed identity") {
    CHECK(pick(appServiceVariables(emulator)) == "ManagedIdentityCredential");
  }
}

TEST_CASE("DefaultCredential with nothing set up lists every credential and why, in order",
          "[integration][auth][chain]") {
  const Emulator emulator;
  msgraph::DefaultCredentialOptions chain;
  chain.managedIdentity.imdsEndpoint = kClosedImds;
  chain.azureCli.path = "/nonexistent";
  msgraph::DefaultCredential credential(optionsWith(emulator, {}), chain);
  const std::string message =
      authenticationErrorOf([&] { credential.getToken({{kScope}}, {}); }).what();
  INFO(message);
  CHECK(message.rfind("DefaultCredential: no credential gave a token. Tried in order: ", 0) == 0);
  std::size_t at = 0;
  for (const char* name : {"EnvironmentCredential", "WorkloadIdentityCredential",
                           "ManagedIdentityCredential (IMDS)", "AzureCliCredential"}) {
    const std::size_t found = message.find(name, at);
    CHECK(found != std::string::npos);
    at = found == std::string::npos ? at : found;
  }
  CHECK(message.find("az login") != std::string::npos);
  CHECK(credential.selectedCredential().empty());
}
