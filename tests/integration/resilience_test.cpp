// SPDX-License-Identifier: MIT
// Retries, deadlines, cancellation and limits against the emulator's fault injection over HTTPS:
// real sockets, real TLS, real waits.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "integration/emulator.hpp"
#include "support/error_of.hpp"
#include "support/latch.hpp"

using namespace std::chrono_literals;
using msgraph_test::errorOf;
using testing_support::Emulator;
namespace models = msgraph::models;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kPartner = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a";
// A second partner, whose PUT uses up a request before the one a fault falls on: a second PUT
// on kPartner would be a 409, as in Graph, where PUT only creates.
const std::string kOtherPartner = "6b1e4f0a-0c55-4f7e-9a51-1d2c3b4a5f60";

auto syncOf(const msgraph::GraphClient& client, const std::string& partner = kPartner) {
  return client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
}

models::IdentitySyncPolicyPartner policyNamed(const std::string& name, bool syncAllowed = true) {
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = name;
  policy.userSyncInbound.emplace().isSyncAllowed = syncAllowed;
  return policy;
}

// Retries without the production backoff (1 s and up), so that a test takes milliseconds.
msgraph::RetryOptions quickRetries(int maxRetries = 3) {
  msgraph::RetryOptions options;
  options.maxRetries = maxRetries;
  options.baseDelay = 5ms;
  options.maxDelay = 20ms;
  return options;
}

msgraph::GraphClient clientOf(const Emulator& emulator, msgraph::RetryOptions retry) {
  auto options = emulator.clientOptions();
  options.retry(std::move(retry));
  return msgraph::GraphClient{std::move(options)};
}

std::int64_t count(const msgraph::Json& json, std::string_view key) {
  const msgraph::Json* value = json.find(key);
  REQUIRE(value != nullptr);
  return value->asInt();
}

}  // namespace

TEST_CASE("a 429 with Retry-After: 1 is waited out, then the PUT succeeds", "[integration]") {
  Emulator emulator({"--auto-create-partners", "--fault-429-every", "2", "--retry-after", "1"});
  const auto client = emulator.client();
  CHECK(syncOf(client, kOtherPartner).put(policyNamed("first")).execute().status ==
        204);  // request 1

  const auto start = Clock::now();
  const auto response = syncOf(client).put(policyNamed("second")).execute();  // requests 2, 3
  const auto elapsed = Clock::now() - start;
  CHECK(response.status == 204);
  REQUIRE(response.attempts.size() == 2);
  CHECK(response.attempts[0].status == 429);
  CHECK(response.attempts[0].delayAfter == 1000ms);
  CHECK_FALSE(response.attempts[0].requestId.empty());
  CHECK(response.attempts[1].status == 204);
  CHECK(elapsed >= 1s);
  CHECK(syncOf(client).get().execute().value->displayName.value() == "second");
}

TEST_CASE("503s and dropped connections are retried and succeed", "[integration]") {
  SECTION("503") {
    Emulator emulator({"--auto-create-partners", "--fault-503-every", "2", "--retry-after", "0"});
    const auto client = clientOf(emulator, quickRetries());
    CHECK(syncOf(client, kOtherPartner).put(policyNamed("a")).execute().status == 204);
    const auto response = syncOf(client).put(policyNamed("b")).execute();
    REQUIRE(response.attempts.size() == 2);
    CHECK(response.attempts[0].status == 503);
    CHECK(response.status == 204);
  }
  SECTION("dropped connections, for every idempotent verb") {
    Emulator emulator({"--auto-create-partners", "--fault-drop-every", "2"});
    const auto client = clientOf(emulator, quickRetries());
    CHECK(syncOf(client, kOtherPartner).put(policyNamed("a")).execute().status == 204);  // 1
    const auto put = syncOf(client).put(policyNamed("b")).execute();  // 2 dropped, 3
    REQUIRE(put.attempts.size() == 2);
    CHECK(put.attempts[0].status == 0);
    CHECK_FALSE(put.attempts[0].error.empty());
    const auto get = syncOf(client).get().execute();  // 4 dropped, 5
    CHECK(get.attempts.size() == 2);
    CHECK(get.value->displayName.value() == "b");
    const auto removed = syncOf(client).remove().execute();  // 6 dropped, 7
    CHECK(removed.attempts.size() == 2);
    CHECK(removed.status == 204);
    CHECK(count(emulator.stats(), "graphRequests") == 7);
  }
  SECTION("a PATCH is not sent twice unless the caller opts in") {
    Emulator emulator({"--auto-create-partners", "--fault-drop-every", "2"});
    const auto client = clientOf(emulator, quickRetries());
    CHECK(syncOf(client).put(policyNamed("a")).execute().status == 204);  // 1
    const auto dropped = syncOf(client).patch(policyNamed("b")).send();   // 2 dropped
    const auto error = errorOf<msgraph::TransportError>(dropped);
    CHECK_FALSE(error.gotResponse());
    CHECK(error.attempts().size() == 1);
    auto optIn = quickRetries();
    optIn.retryPatch = true;
    CHECK(syncOf(client).patch(policyNamed("c")).retry(optIn).execute().status == 204);  // 3
    CHECK(syncOf(client).patch(policyNamed("d")).retry(optIn).execute().attempts.size() ==
          2);  // 4 dropped, 5
  }
}

TEST_CASE("400, 403 and 404 are not retried", "[integration]") {
  SECTION("400: a tenantId that differs from the path") {
    Emulator emulator({"--auto-create-partners"});
    auto policy = policyNamed("x");
    policy.tenantId = "another-tenant";
    const auto error = errorOf<msgraph::ServiceError>(
        syncOf(clientOf(emulator, quickRetries())).put(policy).send());
    CHECK(error.status() == 400);
    CHECK(error.attempts().size() == 1);
    CHECK(count(emulator.stats(), "graphRequests") == 1);
  }
  SECTION("403: an app without the write permission") {
    Emulator emulator({"--auto-create-partners", "--app-role",
                       std::string(Emulator::kClientId) + ":Policy.Read.All"});
    const auto error = errorOf<msgraph::ServiceError>(
        syncOf(clientOf(emulator, quickRetries())).put(policyNamed("x")).send());
    CHECK(error.status() == 403);
    CHECK(error.code() == "Authorization_RequestDenied");
    CHECK(error.attempts().size() == 1);
    CHECK(count(emulator.stats(), "graphRequests") == 1);
  }
  SECTION("404: a partner that does not exist") {
    Emulator emulator;
    const auto error =
        errorOf<msgraph::ServiceError>(syncOf(clientOf(emulator, quickRetries())).get().send());
    CHECK(error.status() == 404);
    CHECK(error.attempts().size() == 1);
    CHECK(count(emulator.stats(), "graphRequests") == 1);
  }
}

TEST_CASE("a deadline shorter than Retry-After fails at once", "[integration]") {
  Emulator emulator({"--auto-create-partners", "--fault-429-every", "1", "--retry-after", "5"});
  auto credential = std::make_shared<msgraph::ClientSecretCredential>(
      "contoso.onmicrosoft.com", Emulator::kClientId, Emulator::kSecret, emulator.tokenOptions());
  credential->getToken({{"https://graph.microsoft.com/.default"}}, msgraph::CallContext());
  const msgraph::GraphClient client{emulator.clientOptions().credential(credential)};
  const auto start = Clock::now();
  const auto result = syncOf(client).put(policyNamed("x")).deadline(Clock::now() + 2s).send();
  const auto elapsed = Clock::now() - start;
  const auto error = errorOf<msgraph::DeadlineExceededError>(result);
  CHECK(elapsed < 1s);  // one HTTPS round trip: neither the 5 s asked for nor the 2 s deadline
  REQUIRE(error.attempts().size() == 1);
  CHECK(error.attempts()[0].status == 429);
  CHECK(std::string(error.what()).find("5000 ms") != std::string::npos);
}

TEST_CASE("cancelling during a 5 s backoff returns within 50 ms", "[integration][threads]") {
  Emulator emulator({"--auto-create-partners", "--fault-503-every", "1", "--retry-after", "5"});
  // The default backoff and real waits (no sleeper), as emulator.client() has. shouldRetry is
  // consulted on the calling thread once the call has read the 503, right before its 5 s wait:
  // it tells the canceller that the call is going into the wait, however slow the machine is.
  msgraph_test::Latch decided;
  Clock::time_point decidedAt;
  msgraph::RetryOptions retry;
  retry.shouldRetry = [&](int, const msgraph::HttpResponse*, const msgraph::TransportError*) {
    if (!decided.isOpen()) decidedAt = Clock::now();
    decided.countDown();
    return msgraph::RetryDecision::Default;
  };
  const auto client = clientOf(emulator, retry);
  msgraph::CancellationToken token;
  std::atomic<bool> sawDecision{false};
  Clock::time_point cancelledAt;
  std::thread canceller([&, token]() mutable {
    sawDecision = decided.waitFor(30s);  // the bound only keeps a broken test finite
    cancelledAt = Clock::now();
    token.cancel();
  });
  const auto result = syncOf(client).put(policyNamed("x")).cancellation(token).send();
  const auto returnedAt = Clock::now();
  canceller.join();
  CHECK(sawDecision);
  const auto error = errorOf<msgraph::CancelledError>(result);
  REQUIRE(error.attempts().size() == 1);
  CHECK(error.attempts()[0].status == 503);
  // What was waited (the cancel may land just before the wait begins, so possibly 0 ms), never
  // the 5 s asked for.
  CHECK(error.attempts()[0].delayAfter >= 0ms);
  CHECK(error.attempts()[0].delayAfter <= returnedAt - decidedAt);
  CHECK(error.attempts()[0].delayAfter < 5000ms);
  const auto wake = std::chrono::duration_cast<std::chrono::microseconds>(returnedAt - cancelledAt);
  std::cout << "cancel: returned " << wake.count() << " us after cancel() during a 5 s backoff\n";
  CHECK(wake < 50ms);
}

TEST_CASE("a 17 MiB response is refused and not retried", "[integration]") {
  Emulator emulator({"--auto-create-partners", "--fault-oversize-every", "1"});
  const auto result = syncOf(clientOf(emulator, quickRetries())).get().send();
  const auto error = errorOf<msgraph::TransportError>(result);
  CHECK(error.kind() == msgraph::TransportError::Kind::TooLarge);
  CHECK(std::string(error.what()).find("16777216") != std::string::npos);
  CHECK(error.attempts().size() == 1);
}

TEST_CASE("a server that never answers trips the timeout", "[integration]") {
  Emulator emulator({"--auto-create-partners", "--delay-ms", "3000"});
  const auto client = clientOf(emulator, quickRetries(1));
  const auto start = Clock::now();
  const auto result = syncOf(client).get().timeout(300ms).send();
  const auto elapsed = Clock::now() - start;
  const auto error = errorOf<msgraph::TransportError>(result);
  CHECK(error.kind() == msgraph::TransportError::Kind::Timeout);
  CHECK_FALSE(error.gotResponse());
  CHECK(error.attempts().size() == 2);  // nothing was received, so a GET goes once more
  CHECK(elapsed < 2s);
}

TEST_CASE("a PUT applied, then dropped: the retry's 409 says so, and ensure re-reads",
          "[integration]") {
  Emulator emulator({"--auto-create-partners", "--fault-drop-after-apply-every", "2"});
  const auto client = clientOf(emulator, quickRetries());
  CHECK(syncOf(client, kOtherPartner).put(policyNamed("a")).execute().status == 204);  // 1
  const auto put = syncOf(client).put(policyNamed("b")).send();  // 2 applied, dropped; 3: 409

  const auto error = errorOf<msgraph::ServiceError>(put);
  CHECK(error.status() == 409);
  CHECK(error.code() == "Request_MultipleObjectsWithSameKeyValue");
  CHECK(error.earlierAttemptMayHaveApplied());
  REQUIRE(error.attempts().size() == 2);
  CHECK(error.attempts()[0].status == 0);
  CHECK(error.attempts()[1].status == 409);
  // 4: the GET, dropped after "applying" it; 5: read again, the policy as the first PUT left it.
  const auto ensured = syncOf(client).ensure(policyNamed("b")).execute();
  CHECK(ensured.outcome == msgraph::EnsureOutcome::Unchanged);
  CHECK(count(emulator.stats(), "graphRequests") == 5);
}
