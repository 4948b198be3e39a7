// SPDX-License-Identifier: MIT
// The emulator's App Service managed identity endpoint over HTTPS, as a test sets it up for
// its code: IDENTITY_ENDPOINT={base}/msi/token, IDENTITY_HEADER=--identity-header's value.
#include <catch2/catch.hpp>

#include "integration/emulator.hpp"
#include "integration/workload_sign_in.hpp"

using msgraph::Json;
using testing_support::Emulator;

namespace {

const std::string kHeader = "identity-header-value-1";
const std::string kSystemAssigned = "7d2f4b1e-8c3a-4e6d-9f05-a1b2c3d4e5f6";
const std::string kUserAssigned = "55555555-6666-7777-8888-999999999999";
const std::string kGraph = "https://graph.microsoft.com";
const std::string kQuery = "api-version=2019-08-01&resource=https%3A%2F%2Fgraph.microsoft.com";

// `method` to `pathAndQuery`, with X-IDENTITY-HEADER when `header` is given.
msgraph::HttpResponse call(const Emulator& emulator, const std::string& pathAndQuery,
                           const std::optional<std::string>& header = kHeader,
                           msgraph::HttpMethod method = msgraph::HttpMethod::Get) {
  msgraph::HttpRequest request;
  request.method = method;
  request.url = emulator.baseUrl() + pathAndQuery;
  if (header) request.headers.add("X-IDENTITY-HEADER", *header);
  return msgraph::CurlTransport(emulator.transportOptions()).send(request, {});
}

msgraph::HttpResponse tokenRequest(const Emulator& emulator, const std::string& query,
                                   const std::optional<std::string>& header = kHeader) {
  return call(emulator, "/msi/token?" + query, header);
}

// The body of a 200 answer, with the fields the REST reference documents checked.
Json tokenOf(const msgraph::HttpResponse& response, const std::string& clientId) {
  INFO(response.body);
  REQUIRE(response.status == 200);
  const Json body = Json::parse(response.body);
  CHECK(body.find("token_type")->asString() == "Bearer");
  CHECK(body.find("resource")->asString() == kGraph);
  CHECK(body.find("client_id")->asString() == clientId);
  // expires_on: seconds since the epoch, as a string, about an hour ahead.
  const std::string& expiresOn = body.find("expires_on")->asString();
  REQUIRE(expiresOn.find_first_not_of("0123456789") == std::string::npos);
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  CHECK(std::stoll(expiresOn) > now + 3000);
  CHECK(std::stoll(expiresOn) < now + 3700);
  CHECK_FALSE(body.find("access_token")->asString().empty());
  return body;
}

// App Service's error body: its status again and a message.
std::string failureOf(const msgraph::HttpResponse& response, int status) {
  INFO(response.body);
  CHECK(response.status == status);
  const Json body = Json::parse(response.body);
  CHECK(body.find("statusCode")->asInt() == status);
  CHECK_FALSE(body.find("correlationId")->asString().empty());
  return body.find("message")->asString();
}

// Both identities; the user-assigned one may only read.
Emulator hostWithIdentities() {
  return Emulator({"--auto-create-partners", "--identity-header", kHeader, "--managed-identity",
                   "--managed-identity", kUserAssigned, "--app-role",
                   kUserAssigned + ":Policy.Read.All"});
}

}  // namespace

TEST_CASE("the system-assigned identity gets a token that Graph accepts",
          "[integration][managed-identity]") {
  const Emulator emulator = hostWithIdentities();
  const Json token = tokenOf(tokenRequest(emulator, kQuery), kSystemAssigned);
  const auto access =
      testing_support::graphAccessOf(emulator, token.find("access_token")->asString(), "mi-1");
  CHECK(access.put == 204);
  CHECK(access.get == 200);
  const Json listed = testing_support::managedIdentityOf(emulator, kSystemAssigned);
  CHECK(listed.find("type")->asString() == "SystemAssigned");
  CHECK(listed.find("resourceId")->asString() ==
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/msgraph-emulator/"
        "providers/Microsoft.Web/sites/msgraph-emulator");
}

TEST_CASE("a user-assigned identity is chosen by client_id, principal_id, object_id or mi_res_id",
          "[integration][managed-identity]") {
  const Emulator emulator = hostWithIdentities();
  const Json listed = testing_support::managedIdentityOf(emulator, kUserAssigned);
  CHECK(listed.find("type")->asString() == "UserAssigned");
  const std::string principal = listed.find("principalId")->asString();
  const std::string resource = listed.find("resourceId")->asString();
  CHECK(resource ==
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/msgraph-emulator/"
        "providers/Microsoft.ManagedIdentity/userAssignedIdentities/" +
            kUserAssigned);
  CHECK(principal.size() == 36);
  CHECK(principal != testing_support::managedIdentityOf(emulator, kSystemAssigned)
                         .find("principalId")
                         ->asString());
  for (const std::string& selector :
       {"client_id=" + kUserAssigned,
        "client_id=" + std::string("55555555-6666-7777-8888-999999999999"),  // as given
        "principal_id=" + principal, "object_id=" + principal,
        "mi_res_id=" + testing_support::formEncode(resource)}) {
    CAPTURE(selector);
    const Json token = tokenOf(tokenRequest(emulator, kQuery + "&" + selector), kUserAssigned);
    // Its --app-role lets it read but not write.
    const auto access =
        testing_support::graphAccessOf(emulator, token.find("access_token")->asString(), "mi-2");
    CHECK(access.put == 403);
    CHECK(access.get == 404);
  }
}

TEST_CASE("the managed identity endpoint refuses what App Service refuses",
          "[integration][managed-identity]") {
  const Emulator emulator = hostWithIdentities();
  SECTION("no X-IDENTITY-HEADER") {
    CHECK(failureOf(tokenRequest(emulator, kQuery, std::nullopt), 401) ==
          "The X-IDENTITY-HEADER header is missing.");
  }
  SECTION("a wrong X-IDENTITY-HEADER (an old value after the platform rotated it)") {
    CHECK(failureOf(tokenRequest(emulator, kQuery, kHeader + "-old"), 401) ==
          "The X-IDENTITY-HEADER header does not match IDENTITY_HEADER.");
  }
  SECTION("an unknown client id, principal id or resource id") {
    for (const char* selector :
         {"client_id=00000000-1111-2222-3333-444444444444",
          "principal_id=00000000-1111-2222-3333-444444444444", "mi_res_id=%2Fsubscriptions%2Fx"}) {
      CAPTURE(selector);
      CHECK(failureOf(tokenRequest(emulator, kQuery + "&" + selector), 400) ==
            "Unable to load the proper Managed Identity.");
    }
  }
  SECTION("the system-assigned identity's resource id does not select it") {
    const std::string resource = testing_support::managedIdentityOf(emulator, kSystemAssigned)
                                     .find("resourceId")
                                     ->asString();
    CHECK(failureOf(tokenRequest(emulator,
                                 kQuery + "&mi_res_id=" + testing_support::formEncode(resource)),
                    400) == "Unable to load the proper Managed Identity.");
  }
  SECTION("two ways of naming the identity") {
    CHECK(failureOf(tokenRequest(emulator, kQuery + "&client_id=" + kUserAssigned + "&mi_res_id=x"),
                    400)
              .find("Only one of client_id") == 0);
  }
  SECTION("a wrong or missing api-version") {
    CHECK(failureOf(tokenRequest(emulator, "api-version=2017-09-01&resource=x"), 400) ==
          "The api-version '2017-09-01' is not supported; use 2019-08-01.");
    CHECK(failureOf(tokenRequest(emulator, "resource=x"), 400).find("api-version") !=
          std::string::npos);
  }
  SECTION("no resource") {
    CHECK(failureOf(tokenRequest(emulator, "api-version=2019-08-01"), 400) ==
          "The query parameter 'resource' is required.");
  }
  SECTION("POST") {
    const auto response =
        call(emulator, "/msi/token?" + kQuery, kHeader, msgraph::HttpMethod::Post);
    failureOf(response, 405);
    CHECK(response.headers.get("Allow") == "GET");
  }
}

TEST_CASE("a host without managed identities answers as App Service does",
          "[integration][managed-identity]") {
  SECTION("an identity header but no identity: the system-assigned one is not there") {
    const Emulator emulator({"--identity-header", kHeader});
    CHECK(failureOf(tokenRequest(emulator, kQuery), 400) ==
          "Unable to load the proper Managed Identity.");
    CHECK(failureOf(tokenRequest(emulator, kQuery + "&client_id=" + kUserAssigned), 400) ==
          "Unable to load the proper Managed Identity.");
  }
  SECTION("only a user-assigned identity: a request without an id finds none") {
    const Emulator emulator({"--identity-header", kHeader, "--managed-identity=" + kUserAssigned});
    failureOf(tokenRequest(emulator, kQuery), 400);
    tokenOf(tokenRequest(emulator, kQuery + "&client_id=" + kUserAssigned), kUserAssigned);
  }
  SECTION("no --identity-header: there is no managed identity endpoint") {
    const Emulator emulator;
    CHECK(tokenRequest(emulator, kQuery).status == 404);
  }
}
