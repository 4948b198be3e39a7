// SPDX-License-Identifier: MIT
// The pipeline: fixed order, user policy slots, retry, authorization and logging.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"
#include "support/latch.hpp"
#include "unit/retried_requests.hpp"

using msgraph::testing::MockTransport;
using namespace std::chrono_literals;

namespace {

class NamedPolicy final : public msgraph::HttpPolicy {
 public:
  NamedPolicy(std::string name, std::vector<std::string>* trace)
      : name_(std::move(name)), trace_(trace) {}
  std::string_view name() const noexcept override { return name_; }
  msgraph::HttpResponse send(msgraph::HttpRequest& request, const msgraph::CallContext& context,
                             const msgraph::NextPolicy& next) override {
    trace_->push_back(name_);
    return next.send(request, context);
  }

 private:
  std::string name_;
  std::vector<std::string>* trace_;
};

class CountingCredential final : public msgraph::TokenCredential {
 public:
  std::atomic<int> calls{0};
  msgraph::AccessToken getToken(const msgraph::TokenRequestContext& request,
                                const msgraph::CallContext&) override {
    ++calls;
    lastScope = request.scopes.at(0);
    return {"token-" + std::to_string(calls.load()), std::chrono::system_clock::now() + 1h};
  }
  std::string lastScope;
};

msgraph::HttpResponse answer(int status, std::string retryAfter = {}) {
  msgraph::HttpResponse response;
  response.status = status;
  if (!retryAfter.empty()) response.headers.add("Retry-After", retryAfter);
  return response;
}

// Retries without sleeping.
msgraph::RetryOptions fastRetry(int retries, std::chrono::milliseconds base,
                                std::chrono::milliseconds max, std::chrono::milliseconds cap) {
  msgraph::RetryOptions options;
  options.maxRetries = retries;
  options.baseDelay = base;
  options.maxDelay = max;
  options.maxRetryAfter = cap;
  options.sleeper = [](std::chrono::milliseconds) {};
  return options;
}

// Default delays, with every wait recorded instead of slept.
msgraph::RetryOptions recordingRetry(std::vector<std::chrono::milliseconds>* waits) {
  msgraph::RetryOptions options;
  options.sleeper = [waits](std::chrono::milliseconds d) { waits->push_back(d); };
  return options;
}

auto syncOf(const msgraph::GraphClient& client) {
  return client.policies().crossTenantAccessPolicy().partners("p").identitySynchronization();
}

}  // namespace

TEST_CASE("describePipeline lists the fixed order with user slots", "[pipeline]") {
  std::vector<std::string> trace;
  auto mock = std::make_shared<MockTransport>();
  msgraph::GraphClient client{msgraph::ClientOptions{}
                                  .transport(mock)
                                  .addPolicy(msgraph::PolicySlot::PerRetry,
                                             std::make_shared<NamedPolicy>("mine-retry", &trace))
                                  .addPolicy(msgraph::PolicySlot::PerCall,
                                             std::make_shared<NamedPolicy>("mine-call", &trace))};
  CHECK(client.describePipeline() ==
        std::vector<std::string>{"client-request-id", "user-agent", "mine-call", "retry",
                                 "mine-retry", "authorization", "logging", "transport"});

  SECTION("per-call policies run once, per-retry policies once per attempt") {
    mock->enqueue(answer(503)).enqueue(answer(204));
    msgraph::GraphClient retrying{
        msgraph::ClientOptions{}
            .transport(mock)
            .retry(fastRetry(3, 1ms, 1ms, 1s))
            .addPolicy(msgraph::PolicySlot::PerRetry, std::make_shared<NamedPolicy>("r", &trace))
            .addPolicy(msgraph::PolicySlot::PerCall, std::make_shared<NamedPolicy>("c", &trace))};
    syncOf(retrying).remove().execute();
    CHECK(trace == std::vector<std::string>{"c", "r", "r"});
  }
}

TEST_CASE("retry honours Retry-After and keeps the client-request-id", "[pipeline]") {
  std::vector<std::chrono::milliseconds> waits;
  auto mock = std::make_shared<MockTransport>();
  mock->enqueue(answer(429, "2.128")).enqueue(answer(503, "1")).enqueue(answer(204));
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.transport(mock).retry(recordingRetry(&waits))};
  auto response = syncOf(client).put({}).execute();
  CHECK(response.status == 204);
  CHECK(waits == std::vector<std::chrono::milliseconds>{2128ms, 1000ms});
  msgraph_test::checkRetriedTwice(mock->requests());

  SECTION("the response records every attempt and the wait after it") {
    REQUIRE(response.attempts.size() == 3);
    CHECK(response.attempts[0].status == 429);
    CHECK(response.attempts[0].delayAfter == 2128ms);
    CHECK(response.attempts[1].status == 503);
    CHECK(response.attempts[1].delayAfter == 1000ms);
    CHECK(response.attempts[2].status == 204);
    CHECK(response.attempts[2].delayAfter == 0ms);
  }
}

TEST_CASE("retry gives up after maxRetries and returns the last error", "[pipeline]") {
  auto mock =
      std::make_shared<MockTransport>([](const msgraph::HttpRequest&) { return answer(503); });
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.transport(mock).retry(fastRetry(2, 1ms, 2ms, 1s))};
  auto result = syncOf(client).get().send();
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::ServiceError&>(result.error()).status() == 503);
  CHECK(mock->requestCount() == 3);
  REQUIRE(result.error().attempts().size() == 3);  // the error keeps the record too
  for (const auto& attempt : result.error().attempts()) CHECK(attempt.status == 503);
}

TEST_CASE("retry leaves alone what must not be retried", "[pipeline]") {
  auto mock = std::make_shared<MockTransport>();
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.transport(mock).retry(fastRetry(3, 1ms, 2ms, 1s))};
  SECTION("400, 403, 404, 409 and 412") {
    for (int status : {400, 401, 403, 404, 409, 412}) {
      mock->clearRequests();
      mock->enqueue(answer(status));
      CHECK_FALSE(syncOf(client).get().send().ok());
      CHECK(mock->requestCount() == 1);
    }
  }
  SECTION("PATCH, unless asked") {
    mock->enqueue(answer(503)).enqueue(answer(204));
    CHECK_FALSE(syncOf(client).patch({}).send().ok());
    CHECK(mock->requestCount() == 1);
  }
}

TEST_CASE("a Retry-After longer than maxRetryAfter is cut to it", "[pipeline]") {
  std::vector<std::chrono::milliseconds> waits;
  auto mock = std::make_shared<MockTransport>();
  mock->enqueue(answer(429, "600")).enqueue(answer(204));
  auto retry = recordingRetry(&waits);
  retry.maxRetryAfter = 30s;
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).retry(retry)};
  CHECK(syncOf(client).get().execute().status == 204);  // the mock's answer, as queued
  CHECK(waits == std::vector<std::chrono::milliseconds>{30s});
}

TEST_CASE("backoff grows from baseDelay with full jitter, capped at maxDelay", "[pipeline]") {
  std::vector<std::chrono::milliseconds> waits;
  auto mock =
      std::make_shared<MockTransport>([](const msgraph::HttpRequest&) { return answer(504); });
  auto retry = recordingRetry(&waits);
  retry.maxRetries = 50;  // clamped to 10
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).retry(retry)};
  CHECK_FALSE(syncOf(client).get().send().ok());
  CHECK(mock->requestCount() == 11);
  REQUIRE(waits.size() == 10);
  for (std::size_t i = 0; i < waits.size(); ++i) {
    INFO("wait " << i);
    CHECK(waits[i] >= 0ms);
    CHECK(waits[i] <= std::min<std::chrono::milliseconds>(1000ms * (1 << i), 60s));
  }
}

TEST_CASE("a Retry-After HTTP date is waited out until that time", "[pipeline]") {
  std::vector<std::chrono::milliseconds> waits;
  const std::time_t inTwoMinutes = std::time(nullptr) + 120;
  std::tm utc{};
  gmtime_r(&inTwoMinutes, &utc);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  auto mock = std::make_shared<MockTransport>();
  mock->enqueue(answer(503, date)).enqueue(answer(204));
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.transport(mock).retry(recordingRetry(&waits))};
  CHECK(syncOf(client).remove().execute().status == 204);
  REQUIRE(waits.size() == 1);
  CHECK(waits[0] >= 118s);
  CHECK(waits[0] <= 120s);
}

TEST_CASE("connection failures are retried", "[pipeline]") {
  int calls = 0;
  auto mock = std::make_shared<MockTransport>([&](const msgraph::HttpRequest&) {
    if (++calls == 1)
      throw msgraph::TransportError(msgraph::TransportError::Kind::Connect, "refused");
    return answer(204);
  });
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.transport(mock).retry(fastRetry(3, 1ms, 2ms, 1s))};
  const auto response = syncOf(client).remove().execute();
  CHECK(response.status == 204);
  CHECK(calls == 2);
  REQUIRE(response.attempts.size() == 2);
  CHECK(response.attempts[0].status == 0);
  CHECK(response.attempts[0].error == "refused");
}

TEST_CASE("only transport failures before any response are retried", "[pipeline]") {
  using Kind = msgraph::TransportError::Kind;
  struct Case {
    Kind kind;
    bool gotResponse;
    int expectedCalls;
  };
  const Case cases[] = {
      {Kind::Connect, false, 2}, {Kind::Send, false, 2},     {Kind::Receive, false, 2},
      {Kind::Timeout, false, 2}, {Kind::Receive, true, 1},   {Kind::Timeout, true, 1},
      {Kind::Tls, false, 1},     {Kind::TooLarge, false, 1}, {Kind::Other, false, 1},
  };
  for (const Case& c : cases) {
    int calls = 0;
    auto mock = std::make_shared<MockTransport>([&](const msgraph::HttpRequest&) {
      if (++calls == 1) throw msgraph::TransportError(c.kind, "failed", c.gotResponse);
      return answer(204);
    });
    msgraph::GraphClient client{
        msgraph::ClientOptions{}.transport(mock).retry(fastRetry(3, 1ms, 2ms, 1s))};
    syncOf(client).put({}).send();
    INFO("kind " << static_cast<int>(c.kind) << ", gotResponse " << c.gotResponse);
    CHECK(calls == c.expectedCalls);
  }
}

TEST_CASE("authorization asks the credential before each attempt, never for a preview",
          "[pipeline]") {
  auto credential = std::make_shared<CountingCredential>();
  auto mock = std::make_shared<MockTransport>();
  mock->enqueue(answer(503)).enqueue(answer(204));
  msgraph::GraphClient client{msgraph::ClientOptions{}
                                  .transport(mock)
                                  .credential(credential)
                                  .cloud(msgraph::Cloud::UsGov)
                                  .retry(fastRetry(3, 1ms, 1ms, 1s))};
  syncOf(client).get().whatIf();
  CHECK(credential->calls == 0);
  syncOf(client).remove().execute();
  CHECK(credential->calls == 2);
  CHECK(mock->lastRequest().headers.get("Authorization") == "Bearer token-2");
  CHECK(credential->lastScope == "https://graph.microsoft.us/.default");
}

TEST_CASE("a credential failure comes back as AuthenticationError", "[pipeline]") {
  auto mock = std::make_shared<MockTransport>();
  auto expired =
      std::make_shared<msgraph::StaticTokenCredential>("t", std::chrono::system_clock::now() - 1s);
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).credential(expired)};
  auto result = syncOf(client).get().send();
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::AuthenticationError*>(&result.error()) != nullptr);
  CHECK(mock->requestCount() == 0);
}

TEST_CASE("an access token over 32 KB is refused before anything is sent", "[pipeline]") {
  const auto clientWith = [](const std::string& token, const std::shared_ptr<MockTransport>& mock) {
    return msgraph::GraphClient{msgraph::ClientOptions{}.transport(mock).credential(
        std::make_shared<msgraph::StaticTokenCredential>(token))};
  };
  auto refusing = std::make_shared<MockTransport>();
  const auto refused =
      syncOf(clientWith(std::string(2 * 1024 * 1024, 'a'), refusing)).remove().send();
  REQUIRE_FALSE(refused.ok());
  CHECK(dynamic_cast<const msgraph::AuthenticationError*>(&refused.error()) != nullptr);
  CHECK(std::string(refused.error().what()) ==
        "the credential returned an access token of 2097152 bytes, over the limit of 32768; "
        "nothing was sent");
  CHECK(refusing->requestCount() == 0);

  auto accepting = std::make_shared<MockTransport>();
  accepting->enqueue(answer(204));
  CHECK(syncOf(clientWith(std::string(32 * 1024, 'a'), accepting)).remove().send().ok());
  CHECK(accepting->requestCount() == 1);
}

TEST_CASE("the logger never sees the Authorization value", "[pipeline]") {
  std::vector<std::string> lines;
  auto mock = std::make_shared<MockTransport>();
  msgraph::HttpResponse ok = answer(204);
  ok.headers.add("request-id", "rid-7");
  mock->enqueue(ok);
  msgraph::GraphClient client{
      msgraph::ClientOptions{}
          .transport(mock)
          .credential(std::make_shared<msgraph::StaticTokenCredential>("super-secret-token"))
          .logger([&](msgraph::LogLevel, std::string_view line) { lines.emplace_back(line); })};
  syncOf(client).remove().execute();
  REQUIRE(lines.size() == 2);
  for (const auto& line : lines) CHECK(line.find("super-secret-token") == std::string::npos);
  CHECK(lines[0].find("Authorization: Bearer ***") != std::string::npos);
  CHECK(lines[1].find("-> 204") != std::string::npos);
  CHECK(lines[1].find("request-id=rid-7") != std::string::npos);
}

TEST_CASE("logLevel keeps lines below it from the logger", "[pipeline]") {
  std::vector<std::pair<msgraph::LogLevel, std::string>> lines;
  auto mock = std::make_shared<MockTransport>();
  mock->enqueue(answer(204)).enqueue(answer(404));
  msgraph::GraphClient client{msgraph::ClientOptions{}
                                  .transport(mock)
                                  .logLevel(msgraph::LogLevel::Warning)
                                  .logger([&](msgraph::LogLevel level, std::string_view line) {
                                    lines.emplace_back(level, line);
                                  })};
  syncOf(client).remove().execute();  // 204: Verbose and Info lines only
  CHECK(lines.empty());
  CHECK_FALSE(syncOf(client).get().send().ok());  // 404: a Warning
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].first == msgraph::LogLevel::Warning);
  CHECK(lines[0].second.find("-> 404") != std::string::npos);
}

TEST_CASE("StaticTokenCredential refuses tokens that would break a header", "[pipeline]") {
  CHECK_THROWS_AS(msgraph::StaticTokenCredential(""), msgraph::ValidationError);
  CHECK_THROWS_AS(msgraph::StaticTokenCredential("a\r\nX: y"), msgraph::ValidationError);
}

TEST_CASE("one client serves many threads at once", "[pipeline][threads]") {
  std::atomic<int> served{0};
  auto mock = std::make_shared<MockTransport>([&](const msgraph::HttpRequest&) {
    ++served;
    return answer(204);
  });
  const msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).credential(
      std::make_shared<msgraph::StaticTokenCredential>("t"))};
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, copy = client] {
      for (int i = 0; i < 50; ++i) ok += syncOf(copy).put({}).send().ok() ? 1 : 0;
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(ok == 200);
  CHECK(served == 200);
  std::vector<std::string> ids;
  for (const auto& request : mock->requests()) {
    ids.emplace_back(request.headers.get("client-request-id").value());
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());  // every id unique
}

TEST_CASE("a 401 drops the token and retries once with a new one", "[pipeline]") {
  auto credential = std::make_shared<CountingCredential>();
  auto mock = std::make_shared<MockTransport>();
  msgraph::GraphClient client{msgraph::ClientOptions{}
                                  .transport(mock)
                                  .credential(credential)
                                  .retry(fastRetry(0, 1ms, 1ms, 1s))};
  SECTION("a renewed token succeeds") {
    mock->enqueue(answer(401)).enqueue(answer(204));
    const auto response = syncOf(client).remove().execute();
    CHECK(response.status == 204);
    REQUIRE(response.attempts.size() == 2);  // the refused request is in the record too
    CHECK(response.attempts[0].status == 401);
    CHECK(response.attempts[1].status == 204);
    const auto requests = mock->requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].headers.get("Authorization") == "Bearer token-1");
    CHECK(requests[1].headers.get("Authorization") == "Bearer token-2");
  }
  SECTION("a second 401 is the answer: only one retry") {
    mock->enqueue(answer(401)).enqueue(answer(401)).enqueue(answer(204));
    auto result = syncOf(client).remove().send();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ServiceError&>(result.error()).status() == 401);
    CHECK(mock->requestCount() == 2);
  }
  SECTION("a fixed token is not retried") {
    mock->enqueue(answer(401)).enqueue(answer(204));
    msgraph::GraphClient fixed{msgraph::ClientOptions{}.transport(mock).credential(
        std::make_shared<msgraph::StaticTokenCredential>("same"))};
    CHECK_FALSE(syncOf(fixed).remove().send().ok());
    CHECK(mock->requestCount() == 1);
  }
}

TEST_CASE("cancelling wakes a call from its backoff wait at once", "[pipeline][cancel][threads]") {
  auto mock =
      std::make_shared<MockTransport>([](const msgraph::HttpRequest&) { return answer(503, "5"); });
  // Default delays and real waits (no sleeper). shouldRetry is consulted once the call has the
  // 503, right before it goes into the 5 s wait: it tells the canceller when to cancel.
  msgraph_test::Latch decided;
  msgraph::RetryOptions retry;
  retry.shouldRetry = [&decided](int, const msgraph::HttpResponse*,
                                 const msgraph::TransportError*) {
    decided.countDown();
    return msgraph::RetryDecision::Default;
  };
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).retry(retry)};
  msgraph::CancellationToken token;
  std::atomic<bool> cancelledAfterDecision{false};
  std::thread canceller([&decided, &cancelledAfterDecision, token]() mutable {
    cancelledAfterDecision = decided.waitFor(10s);  // the bound only keeps a broken test finite
    token.cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  auto result = syncOf(client).get().cancellation(token).send();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  canceller.join();
  CHECK(cancelledAfterDecision);
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::CancelledError*>(&result.error()) != nullptr);
  CHECK(elapsed < 2s);  // the 5 s Retry-After was not slept through
  CHECK(mock->requestCount() == 1);
  REQUIRE(result.error().attempts().size() == 1);
  CHECK(result.error().attempts()[0].status == 503);
  CHECK(result.error().attempts()[0].delayAfter < 5000ms);  // what was waited, not what was asked
  CHECK(result.error().attempts()[0].delayAfter <= elapsed);
}

TEST_CASE("a Retry-After past the deadline fails at once", "[pipeline][cancel]") {
  auto mock = std::make_shared<MockTransport>(
      [](const msgraph::HttpRequest&) { return answer(429, "10"); });
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock)};
  const auto start = std::chrono::steady_clock::now();
  auto result = syncOf(client).get().deadline(std::chrono::steady_clock::now() + 1s).send();
  CHECK(std::chrono::steady_clock::now() - start < 1s);
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::DeadlineExceededError*>(&result.error()) != nullptr);
  CHECK(mock->requestCount() == 1);
}

TEST_CASE("a cancelled call sends nothing", "[pipeline][cancel]") {
  auto mock = std::make_shared<MockTransport>();
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock)};
  msgraph::CancellationToken token;
  token.cancel();
  CHECK_THROWS_AS(syncOf(client).remove().cancellation(token).execute(), msgraph::CancelledError);
  CHECK(mock->requestCount() == 0);
}

TEST_CASE("retry options can be replaced for one call", "[pipeline][cancel]") {
  auto mock =
      std::make_shared<MockTransport>([](const msgraph::HttpRequest&) { return answer(503); });
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.transport(mock).retry(fastRetry(3, 1ms, 1ms, 1s))};
  CHECK_FALSE(syncOf(client).get().retry(fastRetry(0, 1ms, 1ms, 1s)).send().ok());
  CHECK(mock->requestCount() == 1);
  mock->clearRequests();
  CHECK_FALSE(syncOf(client).get().send().ok());
  CHECK(mock->requestCount() == 4);
}

TEST_CASE("shouldRetry can veto a retry or force one", "[pipeline]") {
  auto mock = std::make_shared<MockTransport>();
  auto options = fastRetry(3, 1ms, 1ms, 1s);
  SECTION("veto: a 503 is not retried") {
    options.shouldRetry = [](int, const msgraph::HttpResponse*, const msgraph::TransportError*) {
      return msgraph::RetryDecision::DoNotRetry;
    };
    mock->enqueue(answer(503)).enqueue(answer(204));
    msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).retry(options)};
    CHECK_FALSE(syncOf(client).get().send().ok());
    CHECK(mock->requestCount() == 1);
  }
  SECTION("force: a 409 Directory_ConcurrencyViolation is retried") {
    options.shouldRetry = [](int, const msgraph::HttpResponse* response,
                             const msgraph::TransportError*) {
      return response != nullptr && response->status == 409 ? msgraph::RetryDecision::Retry
                                                            : msgraph::RetryDecision::Default;
    };
    mock->enqueue(answer(409)).enqueue(answer(204));
    msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock).retry(options)};
    CHECK(syncOf(client).remove().execute().status == 204);
    CHECK(mock->requestCount() == 2);
  }
}
