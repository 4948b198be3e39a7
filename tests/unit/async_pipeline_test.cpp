// SPDX-License-Identifier: MIT
// sendAsync() over MockAsyncTransport: the async pipeline keeps the blocking pipeline's
// semantics (client-request-id, user agent, retry rules with Retry-After as loop timers,
// authorization with one renewal after 401, logging, attempts, deadline, cancellation), and
// refuses what it cannot run (user policies, a blocking transport without an async one).
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_async_transport.hpp"
#include "msgraph/testing/mock_transport.hpp"
#include "support/latch.hpp"
#include "unit/retried_requests.hpp"

using msgraph::testing::MockAsyncTransport;
using msgraph::testing::MockTransport;
using msgraph_test::Latch;
using namespace std::chrono_literals;

namespace {

constexpr std::chrono::milliseconds kHangGuard{10000};

msgraph::HttpResponse answer(int status, std::string retryAfter = {}) {
  msgraph::HttpResponse response;
  response.status = status;
  if (!retryAfter.empty()) response.headers.add("Retry-After", retryAfter);
  return response;
}

// Counts its token requests and notes whether any ran on the async transport's loop thread.
class CountingCredential final : public msgraph::TokenCredential {
 public:
  explicit CountingCredential(const MockAsyncTransport* loop = nullptr) : loop_(loop) {}
  std::atomic<int> calls{0};
  std::atomic<bool> onLoop{false};
  msgraph::AccessToken getToken(const msgraph::TokenRequestContext&,
                                const msgraph::CallContext&) override {
    if (loop_ != nullptr && loop_->isLoopThread()) onLoop = true;
    const int n = ++calls;
    return {"token-" + std::to_string(n), std::chrono::system_clock::now() + 1h};
  }

 private:
  const MockAsyncTransport* loop_;
};

class FailingCredential final : public msgraph::TokenCredential {
 public:
  msgraph::AccessToken getToken(const msgraph::TokenRequestContext&,
                                const msgraph::CallContext&) override {
    throw msgraph::AuthenticationError("AADSTS7000215: Invalid client secret provided.");
  }
};

// A client with both mocks, so one test can compare the blocking and the async path.
struct Clients {
  std::shared_ptr<MockTransport> blocking = std::make_shared<MockTransport>();
  std::shared_ptr<MockAsyncTransport> async = std::make_shared<MockAsyncTransport>();
  msgraph::ClientOptions options() const {
    return msgraph::ClientOptions{}.transport(blocking).asyncTransport(async).credential(
        std::make_shared<msgraph::StaticTokenCredential>("secret-token-value"));
  }
};

auto syncOf(const msgraph::GraphClient& client) {
  return client.policies().crossTenantAccessPolicy().partners("p").identitySynchronization();
}

msgraph::models::IdentitySyncPolicyPartner fabrikam() {
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  return policy;
}

// A logger that opens a latch on the first line that starts with `prefix`.
struct LineLatch {
  explicit LineLatch(std::string start) : prefix(std::move(start)) {}
  std::string prefix;
  Latch seen;
  msgraph::Logger logger() {
    return [this](msgraph::LogLevel, std::string_view line) {
      if (line.substr(0, prefix.size()) == prefix) seen.countDown();
    };
  }
};

// Starts an async DELETE and cancels it once a log line starts with `line`.
msgraph::Result<msgraph::Response<void>> deleteCancelledOnce(const Clients& mocks,
                                                             const std::string& line) {
  LineLatch logged(line);
  msgraph::GraphClient client{mocks.options().logger(logged.logger())};
  msgraph::CancellationToken token;
  auto pending = syncOf(client).remove().cancellation(token).sendAsync();
  REQUIRE(logged.seen.waitFor(kHangGuard));
  token.cancel();
  REQUIRE(pending.waitFor(kHangGuard));
  return pending.get();
}

}  // namespace

TEST_CASE("an async call sends what send() sends and returns the same result", "[async][threads]") {
  Clients mocks;
  const std::string body = R"({"tenantId":"p","displayName":"Fabrikam"})";
  mocks.blocking->enqueue(200, body);
  mocks.async->enqueue(200, body);
  msgraph::GraphClient client{mocks.options().applicationId("contoso-sync/2.1")};
  const auto request = syncOf(client).get().select({"displayName"}).header("x-custom", "1");
  auto blocking = request.send();
  auto async = request.sendAsync().get();
  REQUIRE(blocking.ok());
  REQUIRE(async.ok());
  CHECK(async.value().status == blocking.value().status);
  CHECK(async.value().value == blocking.value().value);
  CHECK(async.value().attempts.size() == 1);
  const msgraph::HttpRequest sentBlocking = mocks.blocking->lastRequest();
  const msgraph::HttpRequest sentAsync = mocks.async->requests().at(0);
  CHECK(sentAsync.method == sentBlocking.method);
  CHECK(sentAsync.url == sentBlocking.url);
  CHECK(sentAsync.body == sentBlocking.body);
  for (const auto& [name, value] : sentBlocking.headers) {
    if (name == "client-request-id") continue;  // a fresh one per call
    CHECK(sentAsync.headers.get(name) == value);
  }
  CHECK(sentAsync.headers.size() == sentBlocking.headers.size());
  CHECK(sentAsync.headers.get("client-request-id").has_value());
  CHECK(sentAsync.headers.get("Authorization") == "Bearer secret-token-value");
}

TEST_CASE("async retries wait Retry-After on loop timers and keep the client-request-id",
          "[async][threads]") {
  Clients mocks;
  mocks.async->enqueue(answer(429, "7")).enqueue(answer(503, "2")).enqueue(answer(204));
  msgraph::GraphClient client{mocks.options()};
  auto result = syncOf(client).put(fabrikam()).sendAsync().get();
  REQUIRE(result.ok());
  CHECK(result.value().status == 204);
  CHECK(mocks.async->timerDelays() == std::vector<std::chrono::milliseconds>{7s, 2s});
  CHECK(mocks.async->now() == 9s);  // the virtual clock: no thread slept
  msgraph_test::checkRetriedTwice(mocks.async->requests());
  const auto& attempts = result.value().attempts;
  REQUIRE(attempts.size() == 3);
  CHECK(attempts[0].status == 429);
  CHECK(attempts[0].delayAfter == 7s);
  CHECK(attempts[1].delayAfter == 2s);
  CHECK(attempts[2].status == 204);
}

TEST_CASE("async retries follow the blocking idempotency rules", "[async][threads]") {
  Clients mocks;
  msgraph::GraphClient client{mocks.options()};
  SECTION("a PATCH is not sent again after a 504") {
    mocks.async->enqueue(answer(504)).enqueue(answer(204));
    auto result = syncOf(client).patch(fabrikam()).sendAsync().get();
    REQUIRE_FALSE(result.ok());
    const auto& error = dynamic_cast<const msgraph::ServiceError&>(result.error());
    CHECK(error.status() == 504);
    CHECK(mocks.async->requestCount() == 1);
  }
  SECTION("a PATCH is sent again after a 429") {
    mocks.async->enqueue(answer(429, "1")).enqueue(answer(204));
    CHECK(syncOf(client).patch(fabrikam()).sendAsync().get().ok());
    CHECK(mocks.async->requestCount() == 2);
  }
  SECTION("a PUT is sent again after a connection failure, up to maxRetries") {
    mocks.async->handler([](const msgraph::HttpRequest&) -> msgraph::HttpResponse {
      throw msgraph::TransportError(msgraph::TransportError::Kind::Connect, "refused");
    });
    msgraph::RetryOptions twice;
    twice.maxRetries = 2;
    auto result = syncOf(client).put(fabrikam()).retry(twice).sendAsync().get();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::TransportError*>(&result.error()) != nullptr);
    CHECK(result.error().attempts().size() == 3);
    CHECK(mocks.async->requestCount() == 3);
  }
}

TEST_CASE("an async Retry-After past the deadline fails at once without a timer",
          "[async][threads]") {
  Clients mocks;
  mocks.async->enqueue(answer(429, "60")).enqueue(answer(204));
  msgraph::GraphClient client{mocks.options()};
  auto result =
      syncOf(client).remove().deadline(std::chrono::steady_clock::now() + 30s).sendAsync().get();
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::DeadlineExceededError*>(&result.error()) != nullptr);
  CHECK(mocks.async->timerDelays().empty());
  CHECK(mocks.async->requestCount() == 1);
}

TEST_CASE("cancelling an async call ends its retry wait at once", "[async][threads]") {
  Clients mocks;
  mocks.async->holdTimers(true);
  mocks.async->enqueue(answer(429, "60")).enqueue(answer(204));
  auto result = deleteCancelledOnce(mocks, "waiting 60 s");
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::CancelledError*>(&result.error()) != nullptr);
  CHECK(mocks.async->requestCount() == 1);
  CHECK(mocks.async->pendingTimers() == 0);
  REQUIRE(result.error().attempts().size() == 1);
  CHECK(result.error().attempts()[0].delayAfter < 60s);  // the time actually waited
}

TEST_CASE("cancelling an async call stops its request in flight", "[async][threads]") {
  Clients mocks;
  mocks.async->holdResponses(true);
  auto result = deleteCancelledOnce(mocks, "request: DELETE");
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::CancelledError*>(&result.error()) != nullptr);
  REQUIRE(result.error().attempts().size() == 1);
  CHECK(result.error().attempts()[0].status == 0);
}

TEST_CASE("async authorization fetches off the loop, reuses a fresh token, renews once on 401",
          "[async][threads]") {
  auto async = std::make_shared<MockAsyncTransport>();
  auto credential = std::make_shared<CountingCredential>(async.get());
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.asyncTransport(async).credential(credential)};
  SECTION("a fresh token serves every call") {
    async->enqueue(answer(204)).enqueue(answer(204));
    CHECK(syncOf(client).remove().sendAsync().get().ok());
    CHECK(syncOf(client).remove().sendAsync().get().ok());
    CHECK(credential->calls == 1);
    CHECK_FALSE(credential->onLoop);
  }
  SECTION("a 401 drops the token and sends once more with a new one") {
    async->enqueue(answer(401)).enqueue(answer(204));
    auto result = syncOf(client).remove().sendAsync().get();
    REQUIRE(result.ok());
    REQUIRE(result.value().attempts.size() == 2);
    CHECK(result.value().attempts[0].status == 401);
    const auto requests = async->requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].headers.get("Authorization") == "Bearer token-1");
    CHECK(requests[1].headers.get("Authorization") == "Bearer token-2");
    CHECK_FALSE(credential->onLoop);
  }
  SECTION("a second 401 is the answer") {
    async->enqueue(answer(401)).enqueue(answer(401)).enqueue(answer(204));
    auto result = syncOf(client).remove().sendAsync().get();
    REQUIRE_FALSE(result.ok());
    CHECK(dynamic_cast<const msgraph::ServiceError&>(result.error()).status() == 401);
    CHECK(async->requestCount() == 2);
  }
}

TEST_CASE("an async credential failure is an AuthenticationError and nothing is sent",
          "[async][threads]") {
  auto async = std::make_shared<MockAsyncTransport>();
  msgraph::GraphClient client{msgraph::ClientOptions{}.asyncTransport(async).credential(
      std::make_shared<FailingCredential>())};
  auto result = syncOf(client).remove().sendAsync().get();
  REQUIRE_FALSE(result.ok());
  CHECK(dynamic_cast<const msgraph::AuthenticationError*>(&result.error()) != nullptr);
  CHECK(async->requestCount() == 0);
}

// Hands out the tokens it was given, one per getToken, the last one again when they run out.
class TokenSequence final : public msgraph::TokenCredential {
 public:
  explicit TokenSequence(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {}
  msgraph::AccessToken getToken(const msgraph::TokenRequestContext&,
                                const msgraph::CallContext&) override {
    const std::size_t n = std::min(next_++, tokens_.size() - 1);
    return {tokens_[n], std::chrono::system_clock::now() + 1h};
  }

 private:
  const std::vector<std::string> tokens_;
  std::atomic<std::size_t> next_{0};
};

TEST_CASE("an async token with a line break is refused before it is sent, after a good one",
          "[async][threads]") {
  auto async = std::make_shared<MockAsyncTransport>();
  msgraph::GraphClient client{
      msgraph::ClientOptions{}.asyncTransport(async).credential(std::make_shared<TokenSequence>(
          std::vector<std::string>{"token-1", "token-2\r\nX-Injected: 1"}))};
  async->enqueue(answer(401)).enqueue(answer(204));
  // The 401 renews the token; the renewed one is refused, so the call ends and nothing more
  // goes out (the value made for token-1 is not reused for it).
  auto renewed = syncOf(client).remove().sendAsync().get();
  REQUIRE_FALSE(renewed.ok());
  CHECK(dynamic_cast<const msgraph::AuthenticationError*>(&renewed.error()) != nullptr);
  REQUIRE(async->requestCount() == 1);
  CHECK(async->requests()[0].headers.get("Authorization") == "Bearer token-1");
  // The refused token is still the fresh one, so the next call is refused as well.
  auto next = syncOf(client).remove().sendAsync().get();
  REQUIRE_FALSE(next.ok());
  CHECK(dynamic_cast<const msgraph::AuthenticationError*>(&next.error()) != nullptr);
  CHECK(async->requestCount() == 1);
}

TEST_CASE("async calls log the lines blocking calls log, the token redacted", "[async][threads]") {
  Clients mocks;
  std::mutex mutex;
  std::vector<std::string> lines;
  auto logger = [&](msgraph::LogLevel, std::string_view line) {
    std::lock_guard<std::mutex> lock(mutex);
    lines.emplace_back(line);
  };
  mocks.async->enqueue(answer(204));
  msgraph::GraphClient client{mocks.options().logger(logger)};
  REQUIRE(syncOf(client).remove().sendAsync().get().ok());
  std::lock_guard<std::mutex> lock(mutex);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind("request: DELETE ", 0) == 0);
  CHECK(lines[1].find(" -> 204 in ") != std::string::npos);
  for (const auto& line : lines) CHECK(line.find("secret-token-value") == std::string::npos);
}

TEST_CASE("an async call that fails to start on the loop thread still calls back, once",
          "[async][threads]") {
  // A call made from another call's callback starts on the loop thread at once; a logger that
  // throws on its request line makes that start fail after the pipeline has taken the callback.
  Clients mocks;
  mocks.async->enqueue(answer(204));
  auto logger = [](msgraph::LogLevel, std::string_view line) {
    if (line.find("/partners/boom/") != std::string_view::npos) {
      throw std::runtime_error("the logger failed");
    }
  };
  msgraph::GraphClient client{mocks.options().logger(logger)};
  Latch second;
  std::atomic<int> calls{0};
  std::string failure;
  auto boom =
      client.policies().crossTenantAccessPolicy().partners("boom").identitySynchronization();
  syncOf(client).remove().sendAsync([&](msgraph::Result<msgraph::Response<void>> first) {
    CHECK(first.ok());
    boom.remove().sendAsync([&](msgraph::Result<msgraph::Response<void>> result) {
      ++calls;
      if (!result.ok()) failure = result.error().what();
      second.countDown();
    });
  });
  REQUIRE(second.waitFor(kHangGuard));
  CHECK(calls == 1);
  CHECK(failure.find("the logger failed") != std::string::npos);
  CHECK(mocks.async->requestCount() == 1);  // the second was never sent
}

TEST_CASE("the callback form runs on the loop thread with the result", "[async][threads]") {
  Clients mocks;
  mocks.async->enqueue(answer(204));
  msgraph::GraphClient client{mocks.options()};
  Latch done;
  std::atomic<bool> onLoop{false};
  std::atomic<int> status{0};
  syncOf(client).remove().sendAsync([&](msgraph::Result<msgraph::Response<void>> result) {
    onLoop = mocks.async->isLoopThread();
    status = result.ok() ? result.value().status : -1;
    done.countDown();
  });
  REQUIRE(done.waitFor(kHangGuard));
  CHECK(onLoop);
  CHECK(status == 204);
}

TEST_CASE("async calls that cannot be sent are ready at once and send nothing",
          "[async][threads]") {
  Clients mocks;
  SECTION("bad input") {
    msgraph::GraphClient client{mocks.options()};
    auto pending = client.policies()
                       .crossTenantAccessPolicy()
                       .partners("")
                       .identitySynchronization()
                       .remove()
                       .sendAsync();
    CHECK(pending.ready());
    CHECK(dynamic_cast<const msgraph::ValidationError*>(&pending.get().error()) != nullptr);
  }
  SECTION("declined by the confirm callback") {
    msgraph::GraphClient client{
        mocks.options().confirm([](const msgraph::HttpRequest&) { return false; })};
    auto result = syncOf(client).remove().sendAsync().get();
    REQUIRE(result.ok());
    CHECK(result.value().declined);
  }
  SECTION("a client with user policies, which only the blocking pipeline can run") {
    class Noop final : public msgraph::HttpPolicy {
     public:
      std::string_view name() const noexcept override { return "noop"; }
      msgraph::HttpResponse send(msgraph::HttpRequest& request, const msgraph::CallContext& context,
                                 const msgraph::NextPolicy& next) override {
        return next.send(request, context);
      }
    };
    msgraph::GraphClient client{
        mocks.options().addPolicy(msgraph::PolicySlot::PerRetry, std::make_shared<Noop>())};
    auto pending = syncOf(client).remove().sendAsync();
    REQUIRE(pending.ready());
    auto result = pending.get();
    const auto* error = dynamic_cast<const msgraph::ValidationError*>(&result.error());
    REQUIRE(error != nullptr);
    CHECK(error->field() == "sendAsync");
    mocks.blocking->enqueue(204);
    CHECK(syncOf(client).remove().send().ok());  // the blocking path keeps its policies
  }
  SECTION("a client with a blocking transport of its own and no async one") {
    msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mocks.blocking)};
    auto result = syncOf(client).remove().sendAsync().get();
    const auto* error = dynamic_cast<const msgraph::ValidationError*>(&result.error());
    REQUIRE(error != nullptr);
    CHECK(error->field() == "asyncTransport");
  }
  CHECK(mocks.async->requestCount() == 0);
}

TEST_CASE("a second get() on an async result says so", "[async][threads]") {
  Clients mocks;
  mocks.async->enqueue(answer(204));
  msgraph::GraphClient client{mocks.options()};
  auto pending = syncOf(client).remove().sendAsync();
  CHECK(pending.get().ok());
  CHECK(dynamic_cast<const msgraph::ValidationError*>(&pending.get().error()) != nullptr);
}

TEST_CASE("many threads start async calls on one client at once", "[async][threads]") {
  Clients mocks;
  mocks.async->handler([](const msgraph::HttpRequest&) { return answer(204); });
  msgraph::GraphClient client{mocks.options()};
  std::vector<std::thread> threads;
  std::atomic<int> succeeded{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      std::vector<msgraph::AsyncResult<msgraph::Response<void>>> pending;
      for (int i = 0; i < 25; ++i) pending.push_back(syncOf(client).remove().sendAsync());
      for (auto& one : pending) succeeded += one.get().ok() ? 1 : 0;
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(succeeded == 100);
  CHECK(mocks.async->requestCount() == 100);
}
