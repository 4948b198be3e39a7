// SPDX-License-Identifier: MIT
// No echoed secret: a token endpoint or a Graph error (a hostile server on 127.0.0.1) that quotes
// the client secret, the client assertion or the access token back hands none of them on: not
// in what(), not in an accessor, not in a log line.
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "msgraph/msgraph.hpp"
#include "support/error_of.hpp"
#include "support/hostile_server.hpp"

namespace {

using msgraph_test::errorOf;
using msgraph_test::HostileServer;
using msgraph_test::Reply;
using msgraph_test::WireRequest;

const std::string kSecret = "S3cr3t~v@lue+with&specials";
const std::string kToken = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJncmFwaCJ9.c2lnbmF0dXJl";

// Every text a caller of the library can see of `error`, and what the logger received.
std::string everythingShown(const msgraph::Error& error, const std::vector<std::string>& log) {
  std::string shown = error.what();
  if (const auto* service = dynamic_cast<const msgraph::ServiceError*>(&error)) {
    shown += service->code() + service->message() + service->rawBody();
    for (const auto& [name, value] : service->headers()) shown += name + ": " + value + "\n";
  }
  if (const auto* auth = dynamic_cast<const msgraph::AuthenticationError*>(&error)) {
    shown += auth->details().error + auth->details().description;
  }
  for (const std::string& line : log) shown += line + "\n";
  return shown;
}

// The ServiceError of a policy GET that the server refuses.
msgraph::ServiceError policyGetError(const msgraph::GraphClient& client) {
  return errorOf<msgraph::ServiceError>(client.policies()
                                            .crossTenantAccessPolicy()
                                            .partners("p1")
                                            .identitySynchronization()
                                            .get()
                                            .send());
}

std::string formValue(const std::string& form, const std::string& name) {
  const std::size_t at = form.find(name + "=");
  if (at == std::string::npos) return {};
  const std::size_t start = at + name.size() + 1;
  return form.substr(start, form.find('&', start) - start);
}

}  // namespace

TEST_CASE("a token endpoint that quotes the client secret back: masked everywhere",
          "[echo][secrets]") {
  HostileServer server([](const WireRequest& request) {
    // The secret as sent (percent-encoded), decoded, and after a pattern of its own.
    const std::string sent = formValue(request.body, "client_secret");
    const std::string description = "AADSTS900144: got client_id=c1&client_secret=" + sent +
                                    "... decoded " + kSecret + " and 'password: hunter22'";
    const std::string body = R"({"error":"invalid_client","error_description":")" +
                             msgraph::Json(description).dump().substr(1);
    return Reply::answer(401, body.substr(0, body.size()) + "}",
                         {{"Content-Type", "application/json"}});
  });
  std::vector<std::string> log;
  msgraph::TokenCredentialOptions options;
  options.authorityHost = server.baseUrl();
  options.logger = [&log](msgraph::LogLevel, std::string_view line) { log.emplace_back(line); };
  msgraph::ClientSecretCredential credential("contoso.onmicrosoft.com", "c1", kSecret, options);
  try {
    credential.getToken(msgraph::TokenRequestContext{{"https://graph.microsoft.com/.default"}},
                        msgraph::CallContext());
    FAIL("the token request should have failed");
  } catch (const msgraph::AuthenticationError& error) {
    const std::string shown = everythingShown(error, log);
    INFO(shown);
    CHECK(shown.find(kSecret) == std::string::npos);
    CHECK(shown.find("S3cr3t") == std::string::npos);
    CHECK(shown.find("client_secret=***") != std::string::npos);
    CHECK(shown.find("hunter22") == std::string::npos);
    CHECK(error.details().description.find("AADSTS900144") != std::string::npos);
  }
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].body.find("client_secret=") != std::string::npos);  // it was sent
}

TEST_CASE("a Graph error that quotes the request's Authorization header: the token masked",
          "[echo][secrets]") {
  HostileServer server([](const WireRequest& request) {
    const std::string authorization = request.header("Authorization").value_or("");
    const std::string message = "denied for '" + authorization + "' (token " + kToken + ")";
    const std::string body = R"({"error":{"code":"InvalidAuthenticationToken","message":)" +
                             msgraph::Json(message).dump() + "}}";
    return Reply::answer(403, body,
                         {{"Content-Type", "application/json"},
                          {"X-Echo", "Bearer " + kToken},
                          {"Set-Cookie", "session=abcdef123456"}});
  });
  std::vector<std::string> log;
  const msgraph::GraphClient client(
      msgraph::ClientOptions{}
          .baseUrl(server.baseUrl())
          .credential(std::make_shared<msgraph::StaticTokenCredential>(kToken))
          .logger([&log](msgraph::LogLevel, std::string_view line) { log.emplace_back(line); }));
  const auto error = policyGetError(client);
  const std::string shown = everythingShown(error, log);
  INFO(shown);
  CHECK(error.status() == 403);
  CHECK(shown.find(kToken) == std::string::npos);
  CHECK(shown.find("c2lnbmF0dXJl") == std::string::npos);  // no part of it either
  CHECK(error.message().find("denied for 'Bearer ***'") != std::string::npos);
  CHECK(shown.find("session=abcdef123456") == std::string::npos);
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].header("Authorization") == "Bearer " + kToken);  // it was sent
}

TEST_CASE("redaction of service text: the patterns a secret hides behind", "[echo][secrets]") {
  HostileServer server([](const WireRequest&) {
    return Reply::answer(400,
                         R"({"error":{"code":"BadRequest","message":"got access_token=abc123xyz,)"
                         R"( {\"client_assertion\": \"eyJhbGciOi.e30.sig\"}, assertion:zzz999,)"
                         R"( Authorization: Basic dXNlcjpwYXNz; the key vault is fine"}})",
                         {{"Content-Type", "application/json"}});
  });
  const msgraph::GraphClient client(msgraph::ClientOptions{}.baseUrl(server.baseUrl()));
  const auto error = policyGetError(client);
  CHECK(error.message() ==
        R"(got access_token=***, {"client_assertion": "***"}, assertion:***, Authorization: )"
        R"(Basic ***; the key vault is fine)");
  const std::string shown = everythingShown(error, {});
  for (const char* secret : {"abc123xyz", "eyJhbGciOi", "zzz999", "dXNlcjpwYXNz"}) {
    CHECK(shown.find(secret) == std::string::npos);
  }
}
