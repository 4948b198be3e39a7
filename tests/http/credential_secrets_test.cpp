// SPDX-License-Identifier: MIT
// The secrets test for the new credentials: at the most verbose log level, against servers on
// 127.0.0.1 that issue tokens and then refuse while quoting back what they were sent, no
// client secret, federated token, client assertion, App Service identity header, Arc key or
// access token appears in a log line or in any error's text.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "http/local_server.hpp"
#include "msgraph/msgraph.hpp"
#include "support/fake_environment.hpp"
#include "support/temp_dir.hpp"

namespace {

using msgraph_test::environmentOf;

using msgraph::test::LocalServer;

constexpr const char* kScope = "https://graph.microsoft.com/.default";
const std::string kSecret = "S3cr3t~client+secret&x=1";
const std::string kFederated = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrOHMifQ.ZmVkZXJhdGVk";
const std::string kAssertion = "eyJhbGciOiJQUzI1NiJ9.eyJpc3MiOiJhcHAifQ.YXNzZXJ0aW9u";
const std::string kIdentityHeader = "app-service-header-5e8b1d";
const std::string kArcKey = "arc-agent-key-9c04e7";
const std::string kAccessToken = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJncmFwaCJ9.YWNjZXNz";

// Everything a caller can see: the log at Verbose and every error's text and details.
struct Shown {
  std::mutex mutex;
  std::string text;
  msgraph::Logger logger() {
    return [this](msgraph::LogLevel, std::string_view line) { add(std::string(line)); };
  }
  void add(const std::string& more) {
    std::lock_guard<std::mutex> lock(mutex);
    text += more + "\n";
  }
  // Asks for a token `times` times (moving `now` past expiry between them), keeping each
  // error's text; a token that comes back is not shown.
  void ask(msgraph::TokenCredential& credential, std::atomic<long long>& now, int times) {
    for (int i = 0; i < times; ++i, now += 7200) {
      try {
        credential.getToken({{kScope}}, {});
      } catch (const msgraph::AuthenticationError& error) {
        add(std::string(error.what()) + error.details().error + error.details().description);
      }
    }
  }
};

// A server that answers the first request of each path with a token and every later one with
// a refusal quoting the whole request back (query, headers, form).
// Arc's challenge names `arcKeyFile`.
std::unique_ptr<LocalServer> echoingServer(std::atomic<long long>& now,
                                           const std::string& arcKeyFile) {
  return std::make_unique<LocalServer>([&now, &arcKeyFile](httplib::Server& routes) {
    auto served = std::make_shared<std::atomic<int>>(0);
    auto handler = [served, &now, &arcKeyFile](const httplib::Request& request,
                                               httplib::Response& answer) {
      if (request.has_header("Metadata") && !request.has_header("Authorization") &&
          request.path.find("arc") != std::string::npos) {
        answer.status = 401;
        answer.set_header("WWW-Authenticate", "Basic realm=" + arcKeyFile);
        return;
      }
      if (++*served % 2 == 1) {
        answer.set_content(R"({"access_token":")" + kAccessToken +
                               R"(","expires_in":3599,"expires_on":")" +
                               std::to_string(now.load() + 3599) + R"("})",
                           "application/json");
        return;
      }
      std::string echo = request.target + " " + request.body;
      for (const auto& [name, value] : request.headers) echo += " " + name + ": " + value;
      msgraph::Json body = msgraph::Json::object(
          {{"error", "invalid_client"}, {"error_description", echo}, {"message", echo}});
      answer.status = 400;
      answer.set_content(body.dump(), "application/json");
    };
    routes.Post(R"(/.*)", handler);
    routes.Get(R"(/.*)", handler);
  });
}

}  // namespace

TEST_CASE("no secret of the new credentials reaches a log line or an error", "[http][secrets]") {
  std::atomic<long long> now{1'700'000'000};
  msgraph_test::TempDir dir;
  const std::string arcKeyFile = dir.path("agent.key");
  auto server = echoingServer(now, arcKeyFile);
  Shown shown;
  msgraph::TokenCredentialOptions options;
  options.logger = shown.logger();
  options.logLevel = msgraph::LogLevel::Verbose;
  options.clock = [&now] {
    return std::chrono::system_clock::time_point(std::chrono::seconds(now.load()));
  };
  options.sleeper = [](std::chrono::milliseconds) {};
  std::map<std::string, std::string> ids{{"AZURE_TENANT_ID", "contoso.onmicrosoft.com"},
                                         {"AZURE_CLIENT_ID", "app-1"},
                                         {"AZURE_AUTHORITY_HOST", server->baseUrl()}};
  auto with = [&](std::map<std::string, std::string> more) {
    auto vars = ids;
    vars.insert(more.begin(), more.end());
    auto result = options;
    result.environment = environmentOf(std::move(vars));
    return result;
  };
  SECTION("EnvironmentCredential and DefaultCredential with a secret") {
    msgraph::EnvironmentCredential environment(with({{"AZURE_CLIENT_SECRET", kSecret}}));
    shown.ask(environment, now, 2);
    msgraph::DefaultCredential chain(with({{"AZURE_CLIENT_SECRET", kSecret}}));
    shown.ask(chain, now, 1);
  }
  SECTION("WorkloadIdentityCredential") {
    msgraph::WorkloadIdentityCredential workload(
        with({{"AZURE_FEDERATED_TOKEN_FILE", dir.write("token", kFederated)}}));
    shown.ask(workload, now, 2);
  }
  SECTION("ClientAssertionCredential") {
    msgraph::ClientAssertionCredential assertion(
        "contoso.onmicrosoft.com", "app-1", [](const msgraph::CallContext&) { return kAssertion; },
        with({}));
    shown.ask(assertion, now, 2);
  }
  SECTION("ManagedIdentityCredential on App Service") {
    msgraph::ManagedIdentityCredential managed(
        with({{"IDENTITY_ENDPOINT", server->baseUrl() + "/msi/token"},
              {"IDENTITY_HEADER", kIdentityHeader}}));
    shown.ask(managed, now, 2);
  }
  SECTION("ManagedIdentityCredential on Azure Arc") {
    const std::string keyFile = dir.write("agent.key", kArcKey);
    REQUIRE(keyFile == arcKeyFile);
    msgraph::ManagedIdentityCredentialOptions managedOptions;
    managedOptions.arcKeyDirectory = std::filesystem::path(keyFile).parent_path().string();
    msgraph::ManagedIdentityCredential managed(
        with({{"IDENTITY_ENDPOINT", server->baseUrl() + "/arc/token"},
              {"IMDS_ENDPOINT", server->baseUrl()}}),
        managedOptions);
    shown.ask(managed, now, 2);
  }
  SECTION("AzureCliCredential") {
    std::filesystem::create_directory(dir.path("bin"));
    const std::string az = dir.write(
        "bin/az", "#!/bin/sh\nif [ -e '" + dir.path("fail") + "' ]; then echo \"ERROR: token " +
                      kAccessToken + " rejected, access_token=" + kAccessToken +
                      "\" >&2; exit 1; fi\necho '{\"accessToken\":\"" + kAccessToken +
                      "\",\"expires_on\":'$(( " + std::to_string(now.load()) + " ))'}'\n");
    ::chmod(az.c_str(), 0755);
    msgraph::AzureCliCredentialOptions cli;
    cli.path = dir.path("bin");
    msgraph::AzureCliCredential credential(with({}), cli);
    shown.ask(credential, now, 1);  // expires "now": refused as expired, not shown
    dir.write("fail", "");
    shown.ask(credential, now, 1);
  }
  const std::string text = shown.text;
  INFO(text);
  CHECK(text.find("***") != std::string::npos);  // the log is verbose: masked secrets in it
  for (const std::string& secret :
       {kSecret, kFederated, kAssertion, kIdentityHeader, kArcKey, kAccessToken}) {
    CHECK(text.find(secret) == std::string::npos);
  }
}
