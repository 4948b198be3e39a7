// SPDX-License-Identifier: MIT
// msgraph::Fleet in `$batch` mode against the emulator over HTTPS: the same results and the same
// writes per partner as one request per round trip, in far fewer round trips; items answered 429
// inside an envelope go again after their own Retry-After and nothing else is resent; envelopes
// that fail as a whole (503, dropped connections, a drop after the writes were applied) lose no
// item and write none twice; a batch size outside 1 to 20 is refused.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "integration/emulator.hpp"
#include "integration/fleet_world.hpp"
#include "msgraph/msgraph.hpp"

namespace {

using msgraph::FleetOutcome;
using testing_support::Emulator;

constexpr const char* kTenant = "contoso.onmicrosoft.com";

std::string partnerId(std::size_t i) {
  char id[37];
  std::snprintf(id, sizeof id, "00000000-0000-4000-a000-%012zu", i);
  return id;
}

msgraph::models::IdentitySyncPolicyPartner policyNamed(const std::string& name) {
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = name;
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  return policy;
}

// The fleet tests' world, whose client retries after 10 ms (not 1 s) so that the fault tests
// stay short.
msgraph::RetryOptions fastRetry() {
  msgraph::RetryOptions retry;
  retry.baseDelay = std::chrono::milliseconds(10);
  return retry;
}

struct BatchWorld : testing_support::FleetWorld {
  explicit BatchWorld(std::vector<std::string> emulatorArgs)
      : FleetWorld(std::move(emulatorArgs), fastRetry()) {}

  // Seeds through a blocking client that retries whatever a fault did to it (a faulted
  // emulator counts these requests too).
  msgraph::GraphClient seeder() const {
    msgraph::RetryOptions retry;
    retry.maxRetries = 10;
    retry.retryPatch = true;
    retry.baseDelay = std::chrono::milliseconds(10);
    return msgraph::GraphClient{emulator.clientOptions().retry(retry)};
  }
  void partner(const std::string& id) const {
    msgraph::models::CrossTenantAccessPolicyConfigurationPartner partner;
    partner.tenantId = id;
    seeded(seeder().policies().crossTenantAccessPolicy().partners().create(partner).send());
  }
  void partnerWithPolicy(const std::string& id, const std::string& name) const {
    partner(id);
    seeded(seeder()
               .policies()
               .crossTenantAccessPolicy()
               .partners(id)
               .identitySynchronization()
               .put(policyNamed(name))
               .send());
  }
  // A 409 says a dropped attempt was applied after all: seeded.
  template <typename R>
  static void seeded(const R& result) {
    if (result.ok()) return;
    const auto* service = dynamic_cast<const msgraph::ServiceError*>(&result.error());
    if (service == nullptr || service->status() != 409) result.error().raise();
  }
  std::int64_t stat(const char* name) const { return emulator.stats().find(name)->asInt(); }
};

// 240 partners, a quarter each: to update (policy "Old i"), unchanged, to create, to remove.
enum class Kind { Update, Unchanged, Create, Remove };
constexpr std::size_t kMixed = 240;
Kind kindOf(std::size_t i) { return static_cast<Kind>(i * 4 / kMixed); }

void seedMixed(const BatchWorld& world) {
  for (std::size_t i = 0; i < kMixed; ++i) {
    if (kindOf(i) == Kind::Update)
      world.partnerWithPolicy(partnerId(i), "Old " + std::to_string(i));
    if (kindOf(i) == Kind::Unchanged || kindOf(i) == Kind::Remove) {
      world.partnerWithPolicy(partnerId(i), "Partner " + std::to_string(i));
    }
  }
}

std::optional<msgraph::FleetItem> mixedItem(std::size_t i) {
  if (i == kMixed) return std::nullopt;
  msgraph::FleetItem item;
  item.partner.tenantId = partnerId(i);
  item.tag = i;
  if (kindOf(i) == Kind::Remove) {
    item.action = msgraph::FleetAction::RemovePartner;
  } else {
    item.policy = policyNamed("Partner " + std::to_string(i));
  }
  return item;
}

// The writes the plan makes for partner i: a PATCH; none; the partner's POST and the policy's
// PUT; the policy's DELETE and the partner's.
std::int64_t plannedWrites(std::size_t i) {
  switch (kindOf(i)) {
    case Kind::Update:
      return 1;
    case Kind::Unchanged:
      return 0;
    default:
      return 2;
  }
}

FleetOutcome plannedOutcome(std::size_t i) {
  switch (kindOf(i)) {
    case Kind::Update:
      return FleetOutcome::Updated;
    case Kind::Unchanged:
      return FleetOutcome::Unchanged;
    case Kind::Create:
      return FleetOutcome::Created;
    default:
      return FleetOutcome::Removed;
  }
}

// The writes the emulator applied to each partner of the harness's tenant.
std::map<std::string, std::int64_t> writesByPartner(const Emulator& emulator) {
  std::map<std::string, std::int64_t> writes;
  const msgraph::Json stats = emulator.stats();
  const msgraph::Json* byPartner = stats.find("writesByPartner")->find(kTenant);
  if (byPartner == nullptr) return writes;
  for (const auto& [partner, count] : byPartner->asObject()) writes[partner] = count.asInt();
  return writes;
}

// The writes of a run per partner: what the emulator counts after it, less what it did before.
struct WriteDelta {
  explicit WriteDelta(const Emulator& emulator)
      : emulator_(emulator), before_(writesByPartner(emulator)) {}
  void measure() { after_ = writesByPartner(emulator_); }
  std::int64_t of(const std::string& partner) const {
    const auto after = after_.find(partner);
    const auto before = before_.find(partner);
    return (after == after_.end() ? 0 : after->second) -
           (before == before_.end() ? 0 : before->second);
  }

 private:
  const Emulator& emulator_;
  std::map<std::string, std::int64_t> before_;
  std::map<std::string, std::int64_t> after_;
};

struct Run {
  explicit Run(const Emulator& emulator) : writes(emulator) {}
  WriteDelta writes;
  msgraph::FleetSummary summary;
  std::map<std::uint64_t, msgraph::FleetResult> byTag;
  std::int64_t roundTrips = 0;  // the HTTP requests the emulator saw
};

Run runMixed(BatchWorld& world) {
  seedMixed(world);
  const std::int64_t before = world.stat("graphRequests");
  msgraph::Fleet fleet(world.options);
  std::size_t next = 0;
  Run run(world.emulator);
  run.summary = fleet.run([&] { return mixedItem(next++); },
                          [&](const msgraph::FleetResult& result) {
                            CHECK(run.byTag.emplace(result.tag, result).second);  // once each
                          });
  run.roundTrips = world.stat("graphRequests") - before;
  run.writes.measure();
  return run;
}

// Item i: ensures partner i's policy "Partner i"; from `removeFrom` on, removes its policy.
msgraph::FleetItem policyItem(std::size_t i, std::size_t removeFrom) {
  msgraph::FleetItem item;
  item.partner.tenantId = partnerId(i);
  item.tag = i;
  if (i < removeFrom) {
    item.policy = policyNamed("Partner " + std::to_string(i));
  } else {
    item.action = msgraph::FleetAction::RemovePolicy;
  }
  return item;
}

struct Ran {
  msgraph::FleetSummary summary;
  std::vector<msgraph::FleetResult> results;
};

Ran runPolicyItems(const BatchWorld& world, std::size_t count, std::size_t removeFrom) {
  msgraph::Fleet fleet(world.options);
  std::size_t next = 0;
  Ran ran;
  ran.summary = fleet.run(
      [&]() -> std::optional<msgraph::FleetItem> {
        if (next == count) return std::nullopt;
        return policyItem(next++, removeFrom);
      },
      [&](const msgraph::FleetResult& result) { ran.results.push_back(result); });
  return ran;
}

bool isWrite2xx(const msgraph::Attempt& attempt) {
  return attempt.status >= 200 && attempt.status < 300;
}

}  // namespace

TEST_CASE("fleet batch: 240 mixed items give the results and writes of single requests",
          "[fleet][batch][integration][threads]") {
  BatchWorld single({});
  BatchWorld batched({});
  // Quotas the emulator does not meter: both runs go as fast as the round trips allow.
  for (BatchWorld* world : {&single, &batched}) {
    world->options.throttle.applicationTenantWrites = {1000000, std::chrono::seconds(150)};
  }
  batched.options.batchSize = 20;
  const Run alone = runMixed(single);
  const Run together = runMixed(batched);
  REQUIRE(together.byTag.size() == kMixed);
  REQUIRE(alone.byTag.size() == kMixed);
  CHECK(together.summary.succeeded == kMixed);
  for (std::size_t i = 0; i < kMixed; ++i) {
    INFO(partnerId(i));
    const msgraph::FleetResult& a = alone.byTag.at(i);
    const msgraph::FleetResult& b = together.byTag.at(i);
    CHECK(b.outcome == plannedOutcome(i));
    CHECK(b.outcome == a.outcome);
    CHECK(b.changed == a.changed);
    CHECK(b.status == a.status);
    CHECK(b.index == a.index);
    REQUIRE(b.attempts.size() == a.attempts.size());  // the same requests, one attempt each
    for (std::size_t k = 0; k < a.attempts.size(); ++k) {
      CHECK(b.attempts[k].status == a.attempts[k].status);
    }
    CHECK_FALSE(b.requestId.empty());  // the item's own request-id
    CHECK(together.writes.of(partnerId(i)) == plannedWrites(i));
    CHECK(alone.writes.of(partnerId(i)) == plannedWrites(i));
  }
  CHECK(together.summary.requests == alone.summary.requests);  // each item counts
  std::printf("fleet batch: %llu requests in %lld round trips (alone: %lld)\n",
              static_cast<unsigned long long>(together.summary.requests),
              static_cast<long long>(together.roundTrips),
              static_cast<long long>(alone.roundTrips));
  // Batching saves round trips: well over five requests per envelope on average.
  CHECK(together.roundTrips * 5 < alone.roundTrips);
}

TEST_CASE("fleet batch: items answered 429 go again after their Retry-After, no others",
          "[fleet][batch][integration][threads]") {
  BatchWorld world({"--throttle-writes", "10/1"});
  // The options claim three times what the emulator allows: the 429s inside envelopes teach it.
  world.options.throttle.applicationTenantWrites = {30, std::chrono::seconds(1)};
  world.options.batchSize = 20;
  constexpr std::size_t kCount = 24;
  for (std::size_t i = 0; i < kCount; ++i) world.partner(partnerId(i));
  WriteDelta writes(world.emulator);
  const auto [summary, results] = runPolicyItems(world, kCount, kCount);
  writes.measure();
  CHECK(summary.succeeded == kCount);
  CHECK(summary.throttled > 0);
  std::size_t resubmitted = 0;
  for (const auto& result : results) {
    INFO(result.partnerTenantId);
    CHECK(result.outcome == FleetOutcome::Created);
    CHECK(writes.of(result.partnerTenantId) == 1);  // the policy's PUT, once
    // The partner's GET (200), the policy's GET (404), then the PUT: answered 429 some times,
    // each waited out, then 201. Nothing answered otherwise went again.
    // (An envelope may also go out on a kept-alive connection the server closes just then,
    // after a wait as long as its keep-alive: the PUT is idempotent and goes again.)
    std::size_t answered = 0;
    for (const auto& attempt : result.attempts) {
      if (attempt.status == 429) {
        ++resubmitted;
        CHECK(attempt.delayAfter.count() > 0);  // its own Retry-After, waited
      } else if (attempt.status != 0) {
        ++answered;
      }
    }
    CHECK(answered == 3);
    REQUIRE_FALSE(result.attempts.empty());
    CHECK(isWrite2xx(result.attempts.back()));
  }
  CHECK(resubmitted == summary.throttled);
}

TEST_CASE("fleet batch: envelopes that fail as a whole lose no item and write none twice",
          "[fleet][batch][integration][threads]") {
  BatchWorld world({"--fault-503-every", "5", "--retry-after", "0", "--fault-drop-every", "11",
                    "--fault-drop-after-apply-every", "13"});
  world.options.batchSize = 8;
  constexpr std::size_t kCount = 60;  // the first 40 get a policy, the last 20 lose theirs
  for (std::size_t i = 0; i < kCount; ++i) {
    if (i < 40) world.partner(partnerId(i));
    if (i >= 40) world.partnerWithPolicy(partnerId(i), "Partner " + std::to_string(i));
  }
  const msgraph::Json before = world.emulator.stats();
  WriteDelta writes(world.emulator);
  const auto [summary, results] = runPolicyItems(world, kCount, 40);
  writes.measure();
  CHECK(summary.started == kCount);
  CHECK(summary.succeeded == kCount);
  REQUIRE(results.size() == kCount);
  const msgraph::Json after = world.emulator.stats();
  const auto faults = [&](const msgraph::Json& stats, const char* kind) {
    return stats.find("faults")->find(kind)->asInt();
  };
  CHECK(faults(after, "unavailable") > faults(before, "unavailable"));
  CHECK(faults(after, "drop") > faults(before, "drop"));
  bool saw503 = false;
  bool sawNoAnswer = false;
  for (const auto& result : results) {
    INFO(result.partnerTenantId);
    // Only a drop after apply leaves an item to find its write done (a 409 or a 404 on the
    // resend): unchanged, or removed, all the same.
    if (result.tag < 40) {
      CHECK((result.outcome == FleetOutcome::Created || result.outcome == FleetOutcome::Unchanged));
      CHECK(writes.of(result.partnerTenantId) == 1);  // the PUT, applied once
    } else {
      CHECK(result.outcome == FleetOutcome::Removed);
      CHECK(writes.of(result.partnerTenantId) == 1);  // the DELETE, applied once
    }
    for (const auto& attempt : result.attempts) {
      saw503 = saw503 || attempt.status == 503;
      sawNoAnswer = sawNoAnswer || attempt.status == 0;
    }
  }
  CHECK(saw503);       // an envelope's 503 is each of its items' attempt
  CHECK(sawNoAnswer);  // and so is a dropped envelope
}

TEST_CASE("fleet batch: a stop drops the items that wrote nothing, also those pulled already",
          "[fleet][batch][integration][threads]") {
  // The run pulls max(64, 4 x the concurrency cap x the batch size) items at once in `$batch`
  // mode: all of these. Their reads go first (the lanes keep order), then the writes, an
  // envelope a second (never as long as the emulator keeps an idle connection).
  constexpr std::size_t kItems = 400;
  // The stop comes while the reads go (the first writes of the items whose reads are in flight
  // come after it), once every read was answered (the first envelope of writes waits at the
  // gate, or is in flight: the lane it would take from is emptied), or once the first 20 writes
  // were answered.
  for (const std::uint64_t requests : {kItems / 2, kItems, kItems + 20}) {
    DYNAMIC_SECTION("stopped after " << requests << " requests") {
      BatchWorld world({"--throttle-writes", "20/1"});
      world.options.throttle.applicationTenantWrites = {20, std::chrono::seconds(1)};
      world.options.batchSize = 20;
      msgraph::FleetControl control;
      world.options.progressInterval = std::chrono::milliseconds(20);
      world.options.progress = [&](const msgraph::FleetProgress& progress) {
        if (progress.requests >= requests) control.stop();
      };
      msgraph::Fleet fleet(world.options);
      std::vector<msgraph::FleetResult> results;
      WriteDelta writes(world.emulator);
      const msgraph::FleetSummary summary = fleet.run(
          testing_support::FleetEnsureSource{kItems},
          [&](const msgraph::FleetResult& result) { results.push_back(result); }, &control);
      writes.measure();
      CHECK(summary.stopped);
      CHECK(summary.started == results.size());  // every started item reported
      CHECK(summary.failed == 0);
      CHECK(summary.succeeded + summary.cancelled == summary.started);
      CHECK(summary.cancelled > summary.succeeded);  // the stop waited for the few under way
      if (requests > kItems) CHECK(summary.succeeded > 0);
      for (const msgraph::FleetResult& result : results) {
        INFO(result.partnerTenantId);
        const bool cancelled = result.outcome == FleetOutcome::Cancelled;
        // A cancelled item had sent no write: nothing of it is in the tenant; the others are
        // whole.
        CHECK(writes.of(result.partnerTenantId) == (cancelled ? 0 : 2));
        // A request dropped unsent is no attempt: every attempt recorded was answered.
        for (const msgraph::Attempt& attempt : result.attempts) CHECK(attempt.status != 0);
      }
    }
  }
}

TEST_CASE("fleet batch: envelopes every 2 s reach a server that closes connections idle for 2 s",
          "[fleet][batch][integration]") {
  // 20 writes an envelope at 10 a second: an envelope every 2 s, the time the emulator keeps an
  // idle connection (it says so: `Keep-Alive: timeout=2`). A kept-alive connection would be
  // closed as the next envelope goes on it, which then fails unanswered, and is not sent again.
  BatchWorld world({"--throttle-writes", "10/1"});
  world.options.throttle.applicationTenantWrites = {10, std::chrono::seconds(1)};
  world.options.batchSize = 20;
  msgraph::Fleet fleet(world.options);
  std::vector<msgraph::FleetResult> results;
  WriteDelta writes(world.emulator);
  const msgraph::FleetSummary summary =
      fleet.run(testing_support::FleetEnsureSource{30},
                [&](const msgraph::FleetResult& result) { results.push_back(result); });
  writes.measure();
  CHECK(summary.succeeded == 30);
  for (const msgraph::FleetResult& result : results) {
    INFO(result.partnerTenantId << ": " << (result.error ? result.error->what() : ""));
    CHECK(result.outcome == FleetOutcome::Created);
    CHECK(writes.of(result.partnerTenantId) == 2);
    // None went unanswered (the run would then have started the item again).
    for (const msgraph::Attempt& attempt : result.attempts) CHECK(attempt.status != 0);
  }
}

TEST_CASE("fleet batch: a batch size outside 1 to 20 is refused by name", "[fleet][batch]") {
  msgraph::FleetOptions options;
  options.transport = std::make_shared<msgraph::CurlMultiTransport>();
  options.tenant = [](const std::string&) { return nullptr; };
  for (int bad : {0, -1, 21, 1000}) {
    options.batchSize = bad;
    CHECK_THROWS_WITH(msgraph::Fleet(options),
                      Catch::Contains("FleetOptions.batchSize") && Catch::Contains("from 1 to 20"));
  }
  options.batchSize = 1;
  CHECK_NOTHROW(msgraph::Fleet(options));
  options.batchSize = 20;
  CHECK_NOTHROW(msgraph::Fleet(options));
}
