// SPDX-License-Identifier: MIT
// The credentials' token cache, through ClientSecretCredential and an injected clock: reuse until
// the refresh time (margin, refresh_in), one token per scope, fallback to a still-valid token,
// and single flight: callers that arrive during a fetch share its outcome.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "msgraph/auth/client_secret_credential.hpp"
#include "support/latch.hpp"
#include "unit/credential_test_support.hpp"

using namespace msgraph_test::credentials;
using msgraph::ClientSecretCredential;

namespace {

// Runs a call on several threads at once. The token endpoint's answer is held (`holdAnswer()` in
// the mock's handler) until every thread has started and is calling getToken, so that they meet
// the token request in flight. The bound only keeps a broken test finite.
class SimultaneousCallers {
 public:
  explicit SimultaneousCallers(int count) : count_(count), arrived_(count) {}

  void holdAnswer() {
    if (!arrived_.waitFor(30s)) heldUntilAllArrived_ = false;
  }
  void run(const std::function<void()>& call) {
    std::vector<std::thread> threads;
    for (int i = 0; i < count_; ++i) {
      threads.emplace_back([&] {
        arrived_.countDown();
        call();
      });
    }
    for (auto& thread : threads) thread.join();
  }
  bool heldUntilAllArrived() const { return heldUntilAllArrived_; }

 private:
  int count_;
  msgraph_test::Latch arrived_;
  std::atomic<bool> heldUntilAllArrived_{true};
};

}  // namespace

TEST_CASE("ClientSecretCredential reuses its token and refreshes it 5 minutes before expiry",
          "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  const auto first = fetch(credential);
  CHECK(first.token == "token-1");
  CHECK(fetch(credential).token == "token-1");
  CHECK(endpoint.mock->requestCount() == 1);

  // 3599 s - 300 s margin = 3299 s: one second before, still the cached token.
  endpoint.clock.advance(3298s);
  CHECK(fetch(credential).token == "token-1");
  CHECK(endpoint.mock->requestCount() == 1);

  endpoint.clock.advance(1s);
  const auto second = fetch(credential);
  CHECK(second.token == "token-2");
  CHECK(second.expiresOn == endpoint.clock.now() + 3599s);
  CHECK(endpoint.mock->requestCount() == 2);
  CHECK(fetch(credential).token == "token-2");
  CHECK(endpoint.mock->requestCount() == 2);
}

TEST_CASE("ClientSecretCredential honours refresh_in when it is sooner than the margin", "[auth]") {
  MockTokenEndpoint endpoint;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  SECTION("refresh_in sooner: refreshed at refresh_in") {
    endpoint.mock->enqueue(200, tokenBody("token-1", 3599, 1800))
        .enqueue(200, tokenBody("token-2", 3599, 1800));
    CHECK(fetch(credential).token == "token-1");
    endpoint.clock.advance(1799s);
    CHECK(fetch(credential).token == "token-1");
    endpoint.clock.advance(1s);
    CHECK(fetch(credential).token == "token-2");
    CHECK(endpoint.mock->requestCount() == 2);
  }
  SECTION("refresh_in later than expiry minus margin: the margin wins") {
    endpoint.mock->enqueue(200, tokenBody("token-1", 3599, 3500))
        .enqueue(200, tokenBody("token-2", 3599, 3500));
    CHECK(fetch(credential).token == "token-1");
    endpoint.clock.advance(3299s);
    CHECK(fetch(credential).token == "token-2");
    CHECK(endpoint.mock->requestCount() == 2);
  }
}

TEST_CASE("ClientSecretCredential honours a custom refreshMargin", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto options = endpoint.options();
  options.refreshMargin = 60s;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, options);
  CHECK(fetch(credential).token == "token-1");
  endpoint.clock.advance(3538s);
  CHECK(fetch(credential).token == "token-1");
  endpoint.clock.advance(1s);
  CHECK(fetch(credential).token == "token-2");
}

TEST_CASE("ClientSecretCredential makes one token request for many threads at once",
          "[auth][threads]") {
  constexpr int kThreads = 8;
  SimultaneousCallers callers(kThreads);
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens([&] { callers.holdAnswer(); });
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());

  std::atomic<int> sameToken{0};
  callers.run([&] {
    for (int i = 0; i < 100; ++i) {
      if (fetch(credential).token == "token-1") ++sameToken;
    }
  });
  CHECK(callers.heldUntilAllArrived());
  CHECK(endpoint.mock->requestCount() == 1);
  CHECK(sameToken == kThreads * 100);
}

TEST_CASE("a token cached for one scope is not returned for another scope", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  ClientSecretCredential credential(kTenant, kClientId, kSecret, endpoint.options());
  CHECK(fetch(credential, "https://graph.microsoft.com/.default").token == "token-1");
  // Expected: a new request for the other resource; actual: token-1 (for Graph) comes back.
  CHECK(fetch(credential, "https://management.azure.com/.default").token == "token-2");
  CHECK(endpoint.mock->requestCount() == 2);
  CHECK(form(endpoint.mock->lastRequest()).at("scope") == "https://management.azure.com/.default");
}

TEST_CASE("a failed refresh falls back to the token that is still valid", "[auth]") {
  MockTokenEndpoint endpoint;
  auto options = endpoint.options();
  options.maxRetries = 0;
  ClientSecretCredential credential(kTenant, kClientId, kSecret, options);
  endpoint.mock->enqueue(response(200, tokenBody("first")));
  CHECK(fetch(credential).token == "first");
  endpoint.clock.advance(std::chrono::seconds(3599 - 120));  // inside the margin, not expired
  endpoint.mock->enqueue(response(503, R"({"error":"temporarily_unavailable"})"));
  CHECK(fetch(credential).token == "first");
  endpoint.clock.advance(std::chrono::seconds(200));  // now expired: the failure surfaces
  endpoint.mock->enqueue(response(503, R"({"error":"temporarily_unavailable"})"));
  CHECK_THROWS_AS(fetch(credential), AuthenticationError);
}

TEST_CASE("callers waiting on a failing refresh share its error, not a fetch each",
          "[auth][threads]") {
  constexpr int kCallers = 6;
  SimultaneousCallers callers(kCallers);
  MockTokenEndpoint endpoint;
  auto options = endpoint.options();
  options.maxRetries = 0;
  endpoint.mock->handler([&](const HttpRequest&) {
    callers.holdAnswer();
    return response(400, R"({"error":"invalid_client","error_codes":[7000215]})");
  });
  ClientSecretCredential credential(kTenant, kClientId, kSecret, options);
  std::atomic<int> failed{0};
  callers.run([&] {
    try {
      fetch(credential);
    } catch (const AuthenticationError&) {
      ++failed;
    }
  });
  CHECK(callers.heldUntilAllArrived());
  CHECK(failed == kCallers);
  CHECK(endpoint.mock->requestCount() < kCallers);  // shared, not one per caller
}
