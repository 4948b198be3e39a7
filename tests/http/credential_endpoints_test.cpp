// SPDX-License-Identifier: MIT
// The new credentials over real HTTP (CurlTransport) against servers on 127.0.0.1 that play
// their endpoints: App Service's and IMDS's managed identity endpoints (the header they demand,
// IMDS's 410 while it updates), and a token endpoint that checks a federated token's form after
// Kubernetes rotated the file.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
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
using namespace std::chrono_literals;

constexpr const char* kGraphScope = "https://graph.microsoft.com/.default";
constexpr const char* kIdentityHeader = "identity-header-7c1e";

std::string managedAnswer(const std::string& token) {
  const auto expires = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch()) +
                       3600s;
  return R"({"access_token":")" + token + R"(","expires_on":")" + std::to_string(expires.count()) +
         R"(","token_type":"Bearer"})";
}

std::string errorOf(msgraph::TokenCredential& credential) {
  try {
    credential.getToken({{kGraphScope}}, {});
  } catch (const msgraph::AuthenticationError& error) {
    return error.what();
  }
  FAIL("no AuthenticationError");
  return {};
}

// The waits a retry asked for, recorded instead of slept.
struct Waits {
  std::mutex mutex;
  std::vector<std::chrono::milliseconds> seen;
  std::function<void(std::chrono::milliseconds)> sleeper() {
    return [this](std::chrono::milliseconds wait) {
      std::lock_guard<std::mutex> lock(mutex);
      seen.push_back(wait);
    };
  }
};

}  // namespace

TEST_CASE("managed identity on App Service: the header is checked, the token read",
          "[http][managed]") {
  LocalServer server([](httplib::Server& routes) {
    routes.Get("/msi/token", [](const httplib::Request& request, httplib::Response& answer) {
      if (request.get_header_value("X-IDENTITY-HEADER") != kIdentityHeader ||
          request.get_param_value("api-version") != "2019-08-01" ||
          request.get_param_value("resource") != "https://graph.microsoft.com") {
        answer.status = 401;
        answer.set_content(R"({"statusCode":401,"message":"Unauthorized request"})",
                           "application/json");
        return;
      }
      answer.set_content(managedAnswer("app-service-token"), "application/json");
    });
  });
  msgraph::TokenCredentialOptions options;
  SECTION("the right header: a token") {
    options.environment = environmentOf({{"IDENTITY_ENDPOINT", server.baseUrl() + "/msi/token"},
                                         {"IDENTITY_HEADER", kIdentityHeader}});
    msgraph::ManagedIdentityCredential credential(options);
    CHECK(credential.getToken({{kGraphScope}}, {}).token == "app-service-token");
  }
  SECTION("a wrong header: the endpoint's refusal, without the header") {
    options.environment = environmentOf(
        {{"IDENTITY_ENDPOINT", server.baseUrl() + "/msi/token"}, {"IDENTITY_HEADER", "wrong-hdr"}});
    msgraph::ManagedIdentityCredential credential(options);
    const std::string message = errorOf(credential);
    CHECK(message ==
          "ManagedIdentityCredential (App Service) refused (HTTP 401): Unauthorized request");
  }
}

TEST_CASE("managed identity on a VM: IMDS answers 410 while updating, then a token",
          "[http][managed]") {
  std::atomic<int> requests{0};
  LocalServer server([&](httplib::Server& routes) {
    routes.Get("/metadata/identity/oauth2/token", [&](const httplib::Request& request,
                                                      httplib::Response& answer) {
      if (request.get_header_value("Metadata") != "true") {
        answer.status = 400;
        answer.set_content(
            R"({"error":"invalid_request","error_description":"Required metadata header not specified"})",
            "application/json");
        return;
      }
      if (++requests <= 2) {
        answer.status = 410;
        return;
      }
      answer.set_content(managedAnswer("imds-token"), "application/json");
    });
  });
  Waits waits;
  msgraph::TokenCredentialOptions options;
  options.environment = environmentOf({});
  options.sleeper = waits.sleeper();
  msgraph::ManagedIdentityCredentialOptions managed;
  managed.imdsEndpoint = server.baseUrl();
  msgraph::ManagedIdentityCredential credential(options, managed);
  CHECK(credential.source() == "IMDS");
  CHECK(credential.getToken({{kGraphScope}}, {}).token == "imds-token");
  CHECK(requests == 3);
  CHECK(waits.seen == std::vector<std::chrono::milliseconds>{10s, 10s});
}

TEST_CASE("workload identity: the token endpoint sees the file's current token, after rotation",
          "[http][workload]") {
  std::mutex mutex;
  std::vector<std::string> assertions;
  LocalServer server([&](httplib::Server& routes) {
    routes.Post("/contoso.onmicrosoft.com/oauth2/v2.0/token", [&](const httplib::Request& request,
                                                                  httplib::Response& answer) {
      const bool jwtBearer = request.get_param_value("client_assertion_type") ==
                             "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
      if (!jwtBearer || request.get_param_value("client_id") != "app-1" ||
          request.get_param_value("grant_type") != "client_credentials") {
        answer.status = 400;
        answer.set_content(R"({"error":"invalid_request"})", "application/json");
        return;
      }
      std::lock_guard<std::mutex> lock(mutex);
      assertions.push_back(request.get_param_value("client_assertion"));
      answer.set_content(R"({"token_type":"Bearer","expires_in":3599,"access_token":"t-)" +
                             std::to_string(assertions.size()) + R"("})",
                         "application/json");
    });
  });
  msgraph_test::TempDir dir;
  const std::string file = dir.write("token", "first.federated.token\n");
  auto now = std::make_shared<std::atomic<long long>>(1'700'000'000);
  msgraph::TokenCredentialOptions options;
  options.clock = [now] {
    return std::chrono::system_clock::time_point(std::chrono::seconds(now->load()));
  };
  options.environment = environmentOf({{"AZURE_TENANT_ID", "contoso.onmicrosoft.com"},
                                       {"AZURE_CLIENT_ID", "app-1"},
                                       {"AZURE_FEDERATED_TOKEN_FILE", file},
                                       {"AZURE_AUTHORITY_HOST", server.baseUrl()}});
  msgraph::WorkloadIdentityCredential credential(options);
  CHECK(credential.getToken({{kGraphScope}}, {}).token == "t-1");
  dir.write("token", "second.federated.token");
  *now += 3600;
  CHECK(credential.getToken({{kGraphScope}}, {}).token == "t-2");
  std::lock_guard<std::mutex> lock(mutex);
  CHECK(assertions == std::vector<std::string>{"first.federated.token", "second.federated.token"});
}
