// SPDX-License-Identifier: MIT
// The emulator's IMDS form of the managed identity endpoint (--imds) over HTTPS, served on the
// emulator's own address: a test points its client there instead of 169.254.169.254.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "integration/emulator.hpp"
#include "integration/workload_sign_in.hpp"
#include "support/latch.hpp"

using msgraph::Json;
using testing_support::Emulator;

namespace {

const std::string kUserAssigned = "55555555-6666-7777-8888-999999999999";
const std::string kSystemAssigned = "7d2f4b1e-8c3a-4e6d-9f05-a1b2c3d4e5f6";
const std::string kQuery = "api-version=2018-02-01&resource=https%3A%2F%2Fgraph.microsoft.com";

// An IMDS token request with `query`, with the `Metadata` header when `metadata` is given and
// an `Authorization` header when `authorization` is.
msgraph::HttpResponse imdsRequest(const Emulator& emulator, const std::string& query,
                                  const std::optional<std::string>& metadata = "true",
                                  const std::optional<std::string>& authorization = {}) {
  msgraph::HttpRequest request;
  request.url = emulator.baseUrl() + "/metadata/identity/oauth2/token?" + query;
  if (metadata) request.headers.add("Metadata", *metadata);
  if (authorization) request.headers.add("Authorization", *authorization);
  return msgraph::CurlTransport(emulator.transportOptions()).send(request, {});
}

// The access token of a 200 answer, with the documented fields checked.
std::string tokenOf(const msgraph::HttpResponse& response) {
  INFO(response.body);
  REQUIRE(response.status == 200);
  const Json body = Json::parse(response.body);
  CHECK(body.find("token_type")->asString() == "Bearer");
  CHECK(body.find("resource")->asString() == "https://graph.microsoft.com");
  CHECK(body.find("refresh_token")->asString().empty());
  CHECK(body.find("expires_in")->asString() == "3599");
  const long long notBefore = std::stoll(body.find("not_before")->asString());
  CHECK(std::stoll(body.find("expires_on")->asString()) == notBefore + 3599);
  return body.find("access_token")->asString();
}

std::string descriptionOf(const msgraph::HttpResponse& response, int status) {
  INFO(response.body);
  CHECK(response.status == status);
  const Json body = Json::parse(response.body);
  CHECK_FALSE(body.find("error")->asString().empty());
  return body.find("error_description")->asString();
}

}  // namespace

TEST_CASE("IMDS gives the system-assigned identity a token that Graph accepts",
          "[integration][managed-identity][imds]") {
  const Emulator emulator({"--auto-create-partners", "--imds", "--managed-identity",
                           "--managed-identity", kUserAssigned, "--app-role",
                           kUserAssigned + ":Policy.Read.All"});
  const auto full =
      testing_support::graphAccessOf(emulator, tokenOf(imdsRequest(emulator, kQuery)), "imds-1");
  CHECK(full.put == 204);
  CHECK(full.get == 200);
  SECTION("a user-assigned identity by client_id, object_id, mi_res_id or msi_res_id") {
    const Json user = testing_support::managedIdentityOf(emulator, kUserAssigned);
    for (const std::string& selector :
         {"client_id=" + kUserAssigned, "object_id=" + user.find("principalId")->asString(),
          "mi_res_id=" + testing_support::formEncode(user.find("resourceId")->asString()),
          "msi_res_id=" + testing_support::formEncode(user.find("resourceId")->asString())}) {
      CAPTURE(selector);
      const auto access = testing_support::graphAccessOf(
          emulator, tokenOf(imdsRequest(emulator, kQuery + "&" + selector)), "imds-2");
      CHECK(access.put == 403);
    }
  }
  SECTION("refusals") {
    CHECK(descriptionOf(imdsRequest(emulator, kQuery, std::nullopt), 400) ==
          "Required metadata header not specified");
    CHECK(descriptionOf(imdsRequest(emulator, kQuery, "false"), 400) ==
          "Required metadata header not specified");
    CHECK(descriptionOf(imdsRequest(emulator, kQuery, "True"), 400) ==
          "Required metadata header not specified");
    CHECK(Json::parse(imdsRequest(emulator, kQuery, std::nullopt).body).find("error")->asString() ==
          "bad_request_102");
    CHECK(descriptionOf(imdsRequest(emulator, kQuery + "&client_id=" + kSystemAssigned), 400) ==
          "Identity not found");
    CHECK(descriptionOf(imdsRequest(emulator, "api-version=2017-09-01&resource=x"), 400) ==
          "Unsupported api-version '2017-09-01'; use 2018-02-01 or later.");
    CHECK(imdsRequest(emulator, "api-version=2019-08-01&resource=x").status == 200);
    CHECK(descriptionOf(imdsRequest(emulator, "api-version=2018-02-01"), 400) ==
          "Required query variable 'resource' is missing");
  }
}

TEST_CASE("IMDS uses a sole user-assigned identity by default", "[integration][imds]") {
  const Emulator emulator({"--imds", "--managed-identity=" + kUserAssigned});
  tokenOf(imdsRequest(emulator, kQuery));
}

TEST_CASE("IMDS answers 410 Gone to the first requests with --imds-gone-first",
          "[integration][imds]") {
  const Emulator emulator({"--imds", "--managed-identity", "--imds-gone-first", "2"});
  CHECK(imdsRequest(emulator, kQuery).status == 410);
  CHECK(imdsRequest(emulator, kQuery).status == 410);
  tokenOf(imdsRequest(emulator, kQuery));
  tokenOf(imdsRequest(emulator, kQuery));
}

TEST_CASE("without --imds there is no IMDS endpoint", "[integration][imds]") {
  const Emulator emulator({"--identity-header", "h", "--managed-identity"});
  CHECK(imdsRequest(emulator, kQuery).status == 404);
}

TEST_CASE("IMDS gives exactly --imds-gone-first 410s to requests on 8 threads",
          "[integration][imds][threads]") {
  const Emulator emulator({"--imds", "--managed-identity", "--imds-gone-first", "5"});
  msgraph_test::Latch start(8);
  std::atomic<int> gone{0};
  std::atomic<int> issued{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      // All at once, so that the 410s are taken concurrently (a minute is only a hang guard).
      start.countDown();
      start.waitFor(std::chrono::minutes(1));
      for (int i = 0; i < 4; ++i) {
        const int status = imdsRequest(emulator, kQuery).status;
        if (status == 410) ++gone;
        if (status == 200) ++issued;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(gone == 5);
  CHECK(issued == 27);
}

TEST_CASE("Azure Arc's challenge: a 401 names a key file whose text signs the request in",
          "[integration][managed-identity][arc]") {
  msgraph_test::TempDir keys;
  const Emulator emulator(
      {"--auto-create-partners", "--arc-key-dir", keys.path(""), "--managed-identity"});
  const std::string query = "api-version=2020-06-01&resource=https%3A%2F%2Fgraph.microsoft.com";
  const msgraph::HttpResponse challenge = imdsRequest(emulator, query);
  REQUIRE(challenge.status == 401);
  const std::string realm = std::string(challenge.headers.get("WWW-Authenticate").value_or(""));
  REQUIRE(realm.rfind("Basic realm=" + keys.path(""), 0) == 0);
  const std::string keyFile = realm.substr(std::string("Basic realm=").size());
  CHECK(keyFile.size() > 4);
  CHECK(keyFile.compare(keyFile.size() - 4, 4, ".key") == 0);
  std::ifstream in(keyFile);
  std::stringstream secret;
  secret << in.rdbuf();
  REQUIRE_FALSE(secret.str().empty());
  const auto access = testing_support::graphAccessOf(
      emulator, tokenOf(imdsRequest(emulator, query, "true", "Basic " + secret.str())), "arc-1");
  CHECK(access.put == 204);
  SECTION("a wrong secret is challenged again") {
    CHECK(imdsRequest(emulator, query, "true", "Basic not-the-secret").status == 401);
  }
  SECTION("a user-assigned identity is refused: Arc has none") {
    CHECK(descriptionOf(imdsRequest(emulator, query + "&client_id=" + kUserAssigned, "true",
                                    "Basic " + secret.str()),
                        400)
              .rfind("Azure Arc has only the system-assigned identity", 0) == 0);
  }
  SECTION("an api-version older than Arc's") {
    CHECK(descriptionOf(imdsRequest(emulator, kQuery, "true", "Basic " + secret.str()), 400) ==
          "Unsupported api-version '2018-02-01'; use 2019-11-01 or later.");
  }
  SECTION("without Metadata: true there is no challenge") {
    CHECK(imdsRequest(emulator, query, std::nullopt).status == 400);
  }
}
