// SPDX-License-Identifier: MIT
// The token endpoint's answers and failures, through ClientSecretCredential: error answers become
// AuthenticationErrors with their details, which failures are retried, and deadlines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "msgraph/auth/client_secret_credential.hpp"
#include "unit/credential_test_support.hpp"

using namespace msgraph_test::credentials;
using msgraph::ClientSecretCredential;

namespace {

// The identity platform's error answer, exactly as in graph-contract.md section 5.
constexpr const char* kInvalidScopeBody = R"({
  "error": "invalid_scope",
  "error_description": "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope https://foo.microsoft.com/.default is not valid.\r\nTrace ID: 255d1aef-8c98-452f-ac51-23d051240864\r\nCorrelation ID: fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7\r\nTimestamp: 2016-01-09 02:02:12Z",
  "error_codes": [
    70011
  ],
  "timestamp": "YYYY-MM-DD HH:MM:SSZ",
  "trace_id": "255d1aef-8c98-452f-ac51-23d051240864",
  "correlation_id": "fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7"
})";

// Fails the first `failures` requests with a transport error of `kind`, then issues "token".
void failThenIssue(MockTransport& mock, int failures, msgraph::TransportError::Kind kind,
                   bool gotResponse = false) {
  auto sent = std::make_shared<std::atomic<int>>(0);
  mock.handler([=](const HttpRequest&) {
    if (++*sent <= failures) throw msgraph::TransportError(kind, "transport failed", gotResponse);
    return response(200, tokenBody("token"));
  });
}

// Whether `text` holds a byte below 0x20 or DEL, which could forge a line in a log.
bool hasControlCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace

TEST_CASE("the token endpoint's error answer becomes an AuthenticationError with its details",
          "[auth]") {
  MockTokenEndpoint endpoint;
  const std::string secret = "Sup3r~Secret.Value_123";
  ClientSecretCredential credential(kTenant, kClientId, secret, endpoint.options());

  SECTION("the contract's invalid_scope example") {
    endpoint.mock->enqueue(400, kInvalidScopeBody);
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.error() == "invalid_scope");
    CHECK(error.aadsts() == "AADSTS70011");
    CHECK(error.description() ==
          "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The "
          "scope https://foo.microsoft.com/.default is not valid.\r\nTrace ID: "
          "255d1aef-8c98-452f-ac51-23d051240864\r\nCorrelation ID: "
          "fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7\r\nTimestamp: 2016-01-09 02:02:12Z");
    CHECK(error.traceId() == "255d1aef-8c98-452f-ac51-23d051240864");
    CHECK(error.correlationId() == "fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7");
    CHECK(error.details().status == 400);
    CHECK(contains(error.what(), "invalid_scope"));
    CHECK_FALSE(contains(error.what(), secret));
    CHECK(endpoint.mock->requestCount() == 1);
  }
  SECTION("several AADSTS codes are joined") {
    endpoint.mock->enqueue(
        401, errorBody("invalid_client", "AADSTS7000215: Invalid client secret", {7000215, 50012}));
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.error() == "invalid_client");
    CHECK(error.aadsts() == "AADSTS7000215, AADSTS50012");
    CHECK(error.traceId() == "trace-1");
    CHECK(error.correlationId() == "correlation-1");
    CHECK(error.details().status == 401);
    CHECK_FALSE(contains(error.what(), secret));
  }
  SECTION("a body that is not the platform's JSON still gives the status") {
    endpoint.mock->enqueue(403, "<html>Forbidden by proxy</html>");
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.details().status == 403);
    CHECK(error.error().empty());
    CHECK(contains(error.what(), "403"));
  }
}

TEST_CASE("token requests are retried on 5xx and temporarily_unavailable, not on 4xx", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  SECTION("500 then 200") {
    endpoint.mock->enqueue(500, "").enqueue(200, tokenBody("after-retry"));
    CHECK(fetch(credential).token == "after-retry");
    CHECK(endpoint.mock->requestCount() == 2);
    // Retry-Attempt is Graph's header: the retry loop does not send it to the token endpoint.
    CHECK_FALSE(endpoint.mock->lastRequest().headers.contains("Retry-Attempt"));
  }
  SECTION("temporarily_unavailable then 200") {
    endpoint.mock->enqueue(400, errorBody("temporarily_unavailable", "AADSTS90055", {90055}))
        .enqueue(200, tokenBody("after-retry"));
    CHECK(fetch(credential).token == "after-retry");
    CHECK(endpoint.mock->requestCount() == 2);
  }
  SECTION("5xx on every attempt: 1 + maxRetries (2) requests, then the error") {
    endpoint.mock->enqueue(503, "").enqueue(502, "").enqueue(500, errorBody("server_error"));
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.details().status == 500);
    CHECK(endpoint.mock->requestCount() == 3);
    // The library's one retry loop waited, 250 ms more each time, through the sleeper, and
    // kept the attempt record that every error carries.
    CHECK(endpoint.retryWaits->waits() == std::vector<std::chrono::milliseconds>{250ms, 500ms});
    REQUIRE(error.attempts().size() == 3);
    CHECK(error.attempts()[0].status == 503);
    CHECK(error.attempts()[0].delayAfter == 250ms);
    CHECK(error.attempts()[1].status == 502);
    CHECK(error.attempts()[2].status == 500);
  }
  SECTION("maxRetries = 0: a 5xx is final") {
    auto options = endpoint.options();
    options.maxRetries = 0;
    ClientSecretCredential once(kTenant, kClientId, kSecret, options);
    endpoint.mock->enqueue(503, "").enqueue(200, tokenBody("never"));
    CHECK_THROWS_AS(fetch(once), AuthenticationError);
    CHECK(endpoint.mock->requestCount() == 1);
  }
  SECTION("4xx is final") {
    const int status = GENERATE(400, 401);
    endpoint.mock->enqueue(status, errorBody("invalid_client", "AADSTS7000215", {7000215}))
        .enqueue(200, tokenBody("never"));
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(error.details().status == status);
    CHECK(endpoint.mock->requestCount() == 1);
  }
}

TEST_CASE("a transport failure on every token request attempt becomes an AuthenticationError",
          "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.mock->handler([](const HttpRequest&) -> HttpResponse {
    throw msgraph::TransportError(msgraph::TransportError::Kind::Connect, "connection refused");
  });
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  const auto error = authenticationErrorFrom([&] { fetch(credential); });
  CHECK(error.details().status == 0);
  CHECK(contains(error.what(), "the token endpoint could not be reached: connection refused"));
  CHECK_FALSE(contains(error.what(), kSecret));
  CHECK(endpoint.mock->requestCount() == 3);  // 1 + maxRetries (2)
  REQUIRE(error.transportError() != nullptr);
  CHECK(error.transportError()->kind() == msgraph::TransportError::Kind::Connect);
  CHECK(std::string(error.transportError()->what()) == "connection refused");
}

TEST_CASE("a token request's TLS failure is kept in the AuthenticationError, copies included",
          "[auth]") {
  MockTokenEndpoint endpoint;
  failThenIssue(*endpoint.mock, 1, msgraph::TransportError::Kind::Tls);
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  const auto error = authenticationErrorFrom([&] { fetch(credential); });
  const auto copy = std::dynamic_pointer_cast<const AuthenticationError>(error.clone());
  for (const AuthenticationError* each : {&error, copy.get()}) {
    REQUIRE(each != nullptr);
    REQUIRE(each->transportError() != nullptr);
    CHECK(each->transportError()->kind() == msgraph::TransportError::Kind::Tls);
  }
}

TEST_CASE("an AuthenticationError from the identity platform's answer has no transport error",
          "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.mock->enqueue(401, errorBody("invalid_client", "AADSTS7000215: Invalid client secret"));
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  CHECK(authenticationErrorFrom([&] { fetch(credential); }).transportError() == nullptr);
}

TEST_CASE("a 200 answer without a usable token or lifetime says what is wrong", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  const auto messageFor = [&](const std::string& body) {
    endpoint.mock->enqueue(200, body);
    return std::string(authenticationErrorFrom([&] { fetch(credential); }).what());
  };
  const std::string range = ", which is not a lifetime in seconds from 1 to 86400";
  CHECK(messageFor(tokenBody("t", -5)) ==
        "the token endpoint's answer (HTTP 200) has expires_in -5" + range);
  CHECK(messageFor(tokenBody("t", 1e20)) ==
        "the token endpoint's answer (HTTP 200) has expires_in 100000000000000000000.0" + range);
  CHECK(messageFor(tokenBody("t", 0)) ==
        "the token endpoint's answer (HTTP 200) has expires_in 0" + range);
  CHECK(messageFor(tokenBody("t", "soon")) ==
        "the token endpoint's answer (HTTP 200) has expires_in \"soon\"" + range);
  CHECK(messageFor(R"({"access_token":"t"})") ==
        "the token endpoint's answer (HTTP 200) has no expires_in");
  CHECK(messageFor(R"({"expires_in":3599})") ==
        "the token endpoint's answer (HTTP 200) has no access_token");
  CHECK(messageFor(R"({"access_token":7,"expires_in":3599})") ==
        "the token endpoint's answer (HTTP 200) has an access_token that is not a string");
  CHECK(messageFor("<html>proxy</html>") ==
        "the token endpoint answered 200 with a body that is not JSON");
}

TEST_CASE("token requests are retried on transport failures before any response only", "[auth]") {
  using Kind = msgraph::TransportError::Kind;
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  SECTION("a connection failure then 200: the token, after 2 requests") {
    failThenIssue(*endpoint.mock, 1, Kind::Connect);
    CHECK(fetch(credential).token == "token");
    CHECK(endpoint.mock->requestCount() == 2);
  }
  SECTION("a failure after the response began is final") {
    failThenIssue(*endpoint.mock, 1, Kind::Receive, /*gotResponse=*/true);
    const auto error = authenticationErrorFrom([&] { fetch(credential); });
    CHECK(contains(error.what(), "could not be reached: transport failed"));
    CHECK(endpoint.mock->requestCount() == 1);
  }
  SECTION("a TLS failure is final") {
    failThenIssue(*endpoint.mock, 1, Kind::Tls);
    CHECK_THROWS_AS(fetch(credential), AuthenticationError);
    CHECK(endpoint.mock->requestCount() == 1);
  }
}

TEST_CASE("a deadline too close for the pause before a token retry is a DeadlineExceededError",
          "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  msgraph::CallContext context;
  context.deadline(msgraph::CallContext::Clock::now() + 100ms);  // the first pause is 250 ms

  auto deadlineErrorFrom = [&] {
    return errorFrom<msgraph::DeadlineExceededError>(
        [&] { fetch(credential, kGraphScope, context); });
  };

  SECTION("after a 503") {
    endpoint.mock->enqueue(503, errorBody("server_error", "AADSTS50000 secret-ish detail"))
        .enqueue(200, tokenBody("never"));
    CHECK(std::string(deadlineErrorFrom().what()) ==
          "the call's deadline leaves no time to retry the token request after HTTP 503 (a wait "
          "of 250 ms)");
  }
  SECTION("after a connection failure") {
    failThenIssue(*endpoint.mock, 1, msgraph::TransportError::Kind::Connect);
    CHECK(contains(deadlineErrorFrom().what(), "token request after a connection failure"));
  }
  CHECK(endpoint.mock->requestCount() == 1);
}

TEST_CASE("control characters in the token endpoint's error text stay out of what()", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  const std::string description = "AADSTS7000215: Invalid\n\x1b[31mforged\tline\x7f\0end"s;
  endpoint.mock->enqueue(401, errorBody("invalid\nclient", description, {7000215}));
  const auto error = authenticationErrorFrom([&] { fetch(credential); });
  CHECK_FALSE(hasControlCharacter(error.what()));
  CHECK(contains(error.what(), "invalid client: AADSTS7000215: Invalid  [31mforged line  end"));
  CHECK(error.description() == description);  // the details keep the service's text as sent
}
