// SPDX-License-Identifier: MIT
// DefaultCredential: environment -> workload identity -> managed identity -> Azure CLI, on a
// mock transport, a fake environment and an empty (or fake-az) PATH: which credential wins, that
// it is kept, that a configured one that fails ends the search, and the one error that lists
// every credential tried, in order.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "msgraph/auth/default_credential.hpp"
#include "support/latch.hpp"
#include "support/temp_dir.hpp"
#include "unit/credential_test_support.hpp"

using namespace msgraph_test::credentials;
using msgraph::DefaultCredential;
using msgraph::DefaultCredentialOptions;

namespace {

struct Chain {
  msgraph_test::TempDir dir;  // an empty PATH for az, unless a test writes one
  MockTokenEndpoint endpoint;

  std::unique_ptr<DefaultCredential> credential(Variables vars,
                                                DefaultCredentialOptions chain = {}) {
    auto options = endpoint.options();
    options.environment = environmentOf(std::move(vars));
    if (chain.azureCli.path.empty()) chain.azureCli.path = dir.path("bin");
    return std::make_unique<DefaultCredential>(options, chain);
  }
  static bool isImds(const HttpRequest& request) {
    return contains(request.url, "169.254.169.254");
  }
  // IMDS off Azure: nothing answers; the token endpoint issues numbered tokens.
  void offAzure() {
    auto issued = std::make_shared<int>(0);
    endpoint.mock->handler([issued](const HttpRequest& request) -> HttpResponse {
      if (isImds(request)) {
        throw msgraph::TransportError(msgraph::TransportError::Kind::Connect, "connect timed out");
      }
      return response(200, tokenBody("aad-" + std::to_string(++*issued)));
    });
  }
};

const Variables kSecretVariables{
    {"AZURE_TENANT_ID", kTenant}, {"AZURE_CLIENT_ID", kClientId}, {"AZURE_CLIENT_SECRET", kSecret}};

}  // namespace

TEST_CASE("DefaultCredential: the environment's secret wins and is kept", "[auth][default]") {
  Chain chain;
  chain.offAzure();
  auto credential = chain.credential(kSecretVariables);
  CHECK(credential->selectedCredential().empty());
  CHECK(fetch(*credential).token == "aad-1");
  CHECK(credential->selectedCredential() == "EnvironmentCredential");
  CHECK(fetch(*credential).token == "aad-1");  // the kept credential's cache
  CHECK(chain.endpoint.mock->requests().size() == 1);
}

TEST_CASE("DefaultCredential: with only workload identity variables, workload identity wins",
          "[auth][default]") {
  Chain chain;
  chain.offAzure();
  auto credential = chain.credential({{"AZURE_TENANT_ID", kTenant},
                                      {"AZURE_CLIENT_ID", kClientId},
                                      {"AZURE_FEDERATED_TOKEN_FILE", chain.dir.write("t", "fed")}});
  CHECK(fetch(*credential).token == "aad-1");
  CHECK(credential->selectedCredential() == "WorkloadIdentityCredential");
  CHECK(form(chain.endpoint.mock->requests().at(0)).at("client_assertion") == "fed");
}

TEST_CASE(
    "DefaultCredential: on App Service, managed identity wins with AZURE_CLIENT_ID as the "
    "user-assigned identity",
    "[auth][default]") {
  Chain chain;
  chain.endpoint.mock->handler([](const HttpRequest&) {
    return response(200, R"({"access_token":"mi","expires_in":3600})");
  });
  auto credential = chain.credential({{"IDENTITY_ENDPOINT", "http://127.0.0.1:41741/msi/token"},
                                      {"IDENTITY_HEADER", "h"},
                                      {"AZURE_CLIENT_ID", "user-assigned-1"}});
  CHECK(fetch(*credential).token == "mi");
  CHECK(credential->selectedCredential() == "ManagedIdentityCredential");
  const auto sent = chain.endpoint.mock->requests();
  REQUIRE(sent.size() == 1);
  CHECK(contains(sent[0].url, "&client_id=user-assigned-1"));
}

TEST_CASE("DefaultCredential: on a laptop, the Azure CLI wins after IMDS does not answer",
          "[auth][default]") {
  Chain chain;
  chain.offAzure();
  std::filesystem::create_directory(chain.dir.path("bin"));
  const std::string az =
      chain.dir.write("bin/az", "#!/bin/sh\necho '{\"accessToken\":\"cli\",\"expires_on\":" +
                                    std::to_string(chain.endpoint.clock.seconds() + 3600) + "}'\n");
  ::chmod(az.c_str(), 0755);
  auto credential = chain.credential({});
  CHECK(fetch(*credential).token == "cli");
  CHECK(credential->selectedCredential() == "AzureCliCredential");
  CHECK(chain.endpoint.mock->requests().size() == 1);  // the IMDS probe only
}

TEST_CASE("DefaultCredential: when nothing works, one error lists every credential in order",
          "[auth][default]") {
  Chain chain;
  chain.offAzure();
  auto credential = chain.credential({});
  const std::string message = authenticationErrorFrom([&] { fetch(*credential); }).what();
  const std::vector<std::string> inOrder = {
      "DefaultCredential: no credential gave a token. Tried in order: ",
      "EnvironmentCredential is not configured: AZURE_TENANT_ID, AZURE_CLIENT_ID, "
      "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH are not set; ",
      "WorkloadIdentityCredential is not configured: AZURE_TENANT_ID, AZURE_CLIENT_ID, "
      "AZURE_FEDERATED_TOKEN_FILE are not set; ",
      "ManagedIdentityCredential (IMDS): no managed identity endpoint answered",
      "; AzureCliCredential: the Azure CLI (az) was not found on PATH. Install it, then run 'az "
      "login'"};
  std::size_t at = 0;
  for (const std::string& part : inOrder) {
    INFO(message);
    const std::size_t found = message.find(part, at);
    REQUIRE(found != std::string::npos);
    at = found + part.size();
  }
  CHECK(credential->selectedCredential().empty());
}

TEST_CASE("DefaultCredential: a configured credential that is refused ends the search",
          "[auth][default]") {
  Chain chain;
  chain.endpoint.mock->handler([](const HttpRequest&) {
    return response(
        401, errorBody("invalid_client", "AADSTS7000215: Invalid client secret.", {7000215}));
  });
  auto credential = chain.credential(kSecretVariables);
  const auto error = authenticationErrorFrom([&] { fetch(*credential); });
  CHECK(contains(error.what(),
                 "DefaultCredential: a configured credential failed. Tried in order: "
                 "EnvironmentCredential: the token endpoint refused (HTTP 401)"));
  CHECK(error.aadsts() == "AADSTS7000215");
  CHECK_FALSE(contains(error.what(), "WorkloadIdentityCredential"));
  CHECK_FALSE(contains(error.what(), kSecret));
  CHECK(chain.endpoint.mock->requests().size() == 1);  // not IMDS: the search ended
}

TEST_CASE("DefaultCredential: excluded credentials are not tried", "[auth][default]") {
  Chain chain;
  chain.offAzure();
  DefaultCredentialOptions options;
  options.excludeEnvironmentCredential = true;
  options.excludeManagedIdentityCredential = true;
  options.excludeAzureCliCredential = true;
  auto credential = chain.credential(kSecretVariables, options);
  const std::string message = authenticationErrorFrom([&] { fetch(*credential); }).what();
  CHECK(message ==
        "DefaultCredential: no credential gave a token. Tried in order: WorkloadIdentityCredential "
        "is not configured: AZURE_FEDERATED_TOKEN_FILE is not set"s);
  CHECK(chain.endpoint.mock->requests().empty());
  options.excludeWorkloadIdentityCredential = true;
  CHECK(contains(authenticationErrorFrom([&] { fetch(*chain.credential({}, options)); }).what(),
                 "every credential is excluded"));
}

TEST_CASE("DefaultCredential: threads that ask at once share one search and one token request",
          "[auth][default][threads]") {
  Chain chain;
  std::atomic<int> tokenRequests{0};
  msgraph_test::Latch allAsking(8);
  chain.endpoint.mock->handler([&](const HttpRequest&) {
    ++tokenRequests;
    allAsking.waitFor(std::chrono::seconds(30));  // hold the answer until every thread asked
    return response(200, tokenBody("shared"));
  });
  auto credential = chain.credential(kSecretVariables);
  std::vector<std::thread> threads;
  std::vector<std::string> tokens(8);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    threads.emplace_back([&, i] {
      allAsking.countDown();
      tokens[i] = fetch(*credential).token;
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(tokenRequests == 1);
  CHECK(tokens == std::vector<std::string>(8, "shared"));
  CHECK(credential->selectedCredential() == "EnvironmentCredential");
}
