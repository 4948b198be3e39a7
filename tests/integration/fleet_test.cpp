// SPDX-License-Identifier: MIT
// msgraph::Fleet against the emulator over HTTPS with its write quota on: every item is
// accounted for, each partner is written exactly as often as its ensure needs (the emulator's
// per-partner write counts), a second run writes nothing, a quota tighter than the scheduler's
// options is learnt from 429s without failing an item, and stop/cancel end a run cleanly.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "integration/fleet_world.hpp"
#include "msgraph/msgraph.hpp"

namespace {

using testing_support::Emulator;

using testing_support::FleetWorld;

std::string partnerId(std::size_t i) { return testing_support::fleetPartnerId(i); }

using EnsureSource = testing_support::FleetEnsureSource;

struct Collected {
  std::vector<msgraph::FleetResult> results;
  std::map<msgraph::FleetOutcome, std::size_t> outcomes;
  void operator()(const msgraph::FleetResult& result) {
    ++outcomes[result.outcome];
    results.push_back(result);
  }
};

// The writes the emulator applied to `partner` of the harness's tenant.
std::int64_t writesOf(const msgraph::Json& stats, const std::string& partner) {
  const msgraph::Json* byTenant = stats.find("writesByPartner");
  const msgraph::Json* byPartner =
      byTenant == nullptr ? nullptr : byTenant->find("contoso.onmicrosoft.com");
  if (byPartner == nullptr) return -1;
  const msgraph::Json* count = byPartner->find(partner);
  return count == nullptr ? 0 : count->asInt();
}

}  // namespace

TEST_CASE("fleet: 120 partners ensured at the emulator's write quota, each written once",
          "[fleet][integration]") {
  FleetWorld world({"--throttle-writes", "60/2"});
  world.options.throttle.applicationTenantWrites = {60, std::chrono::seconds(2)};
  world.options.total = 120;
  std::vector<msgraph::FleetProgress> progress;
  world.options.progress = [&](const msgraph::FleetProgress& now) { progress.push_back(now); };
  world.options.progressInterval = std::chrono::milliseconds(500);
  msgraph::Fleet fleet(world.options);

  Collected first;
  const msgraph::FleetSummary summary = fleet.run(EnsureSource{120}, std::ref(first));
  CHECK(summary.started == 120);
  CHECK(summary.succeeded == 120);
  CHECK(first.outcomes[msgraph::FleetOutcome::Created] == 120);
  std::printf("fleet: 240 writes at 60/2 s: %lld ms, %llu requests, %llu answered 429\n",
              static_cast<long long>(summary.elapsed.count()),
              static_cast<unsigned long long>(summary.requests),
              static_cast<unsigned long long>(summary.throttled));
  // The scheduler paces at 90% of the quota: Graph's bucket is never overdrawn.
  CHECK(summary.throttled <= summary.requests / 100 + 1);
  std::vector<bool> seen(120, false);
  for (const auto& result : first.results) {
    REQUIRE(result.tag < 120);
    CHECK_FALSE(seen[result.tag]);  // every item reported once
    seen[result.tag] = true;
    CHECK(result.partnerTenantId == partnerId(result.tag));
    CHECK(result.status >= 200);
    CHECK_FALSE(result.attempts.empty());
  }
  const msgraph::Json stats = world.emulator.stats();
  for (std::size_t i = 0; i < 120; ++i) {
    INFO(partnerId(i));
    CHECK(writesOf(stats, partnerId(i)) == 2);  // the partner's POST and the policy's PUT
  }
  REQUIRE_FALSE(progress.empty());
  CHECK(progress.back().done == 120);
  CHECK(progress.back().total == std::optional<std::size_t>(120));

  // Again: everything matches, nothing is written.
  const auto writesBefore = world.emulator.stats().find("writes")->asInt();
  Collected second;
  CHECK(fleet.run(EnsureSource{120}, std::ref(second)).succeeded == 120);
  CHECK(second.outcomes[msgraph::FleetOutcome::Unchanged] == 120);
  CHECK(world.emulator.stats().find("writes")->asInt() == writesBefore);
}

TEST_CASE("fleet: a quota tighter than the options is learnt from 429s, no item fails",
          "[fleet][integration]") {
  FleetWorld world({"--throttle-writes", "20/2"});
  world.options.throttle.applicationTenantWrites = {200, std::chrono::seconds(2)};
  msgraph::Fleet fleet(world.options);
  Collected collected;
  const msgraph::FleetSummary summary = fleet.run(EnsureSource{30}, std::ref(collected));
  std::printf(
      "fleet: 60 writes at 20/2 s with options of 200/2 s: %lld ms, %llu requests, %llu "
      "answered 429\n",
      static_cast<long long>(summary.elapsed.count()),
      static_cast<unsigned long long>(summary.requests),
      static_cast<unsigned long long>(summary.throttled));
  CHECK(summary.succeeded == 30);
  CHECK(summary.throttled > 0);
  const msgraph::Json stats = world.emulator.stats();
  for (std::size_t i = 0; i < 30; ++i) CHECK(writesOf(stats, partnerId(i)) == 2);
}

TEST_CASE("fleet: stop lets the items that wrote finish, drops those that wrote nothing",
          "[fleet][integration]") {
  FleetWorld world({"--throttle-writes", "10/1"});
  world.options.throttle.applicationTenantWrites = {10, std::chrono::seconds(1)};
  msgraph::Fleet fleet(world.options);
  msgraph::FleetControl control;
  Collected collected;
  auto sink = [&](const msgraph::FleetResult& result) {
    collected(result);
    if (collected.results.size() == 3) control.stop();
  };
  const msgraph::FleetSummary summary = fleet.run(EnsureSource{1000}, sink, &control);
  CHECK(summary.stopped);
  CHECK(summary.started < 1000);
  CHECK(summary.started == collected.results.size());  // every started item reported
  CHECK(summary.failed == 0);
  CHECK(summary.succeeded + summary.cancelled == summary.started);
  // A cancelled item had sent no write: nothing of it is in the tenant; the others are whole.
  const msgraph::Json stats = world.emulator.stats();
  for (const msgraph::FleetResult& result : collected.results) {
    INFO(result.partnerTenantId);
    const bool cancelled = result.outcome == msgraph::FleetOutcome::Cancelled;
    CHECK(writesOf(stats, result.partnerTenantId) == (cancelled ? 0 : 2));
  }
}

TEST_CASE("fleet: cancel stops the items in flight, each reported", "[fleet][integration]") {
  FleetWorld world({"--throttle-writes", "5/10"});
  world.options.throttle.applicationTenantWrites = {5, std::chrono::seconds(10)};
  msgraph::Fleet fleet(world.options);
  msgraph::FleetControl control;
  Collected collected;
  auto sink = [&](const msgraph::FleetResult& result) {
    collected(result);
    control.cancel();  // the others wait for the quota: cancelled while waiting
  };
  const msgraph::FleetSummary summary = fleet.run(EnsureSource{50}, sink, &control);
  CHECK(summary.stopped);
  CHECK(summary.started == collected.results.size());
  CHECK(summary.cancelled > 0);
  CHECK(summary.cancelled + summary.succeeded + summary.failed == summary.started);
}

TEST_CASE("fleet: bad items fail alone", "[fleet][integration]") {
  FleetWorld world({});
  msgraph::Fleet fleet(world.options);
  std::size_t next = 0;
  auto source = [&]() -> std::optional<msgraph::FleetItem> {
    if (next == 4) return std::nullopt;
    msgraph::FleetItem item;
    item.tag = next;
    if (next == 1) item.partner.tenantId = "..";  // refused before anything is sent
    if (next != 1 && next != 2) item.partner.tenantId = partnerId(next);
    ++next;  // item 2 names no partner at all
    return item;
  };
  Collected collected;
  const msgraph::FleetSummary summary = fleet.run(source, std::ref(collected));
  CHECK(summary.started == 4);
  CHECK(summary.failed == 2);
  CHECK(summary.succeeded == 2);
  for (const auto& result : collected.results) {
    if (result.tag == 1 || result.tag == 2) {
      CHECK(result.outcome == msgraph::FleetOutcome::Failed);
      REQUIRE(result.error);
      CHECK(dynamic_cast<const msgraph::ValidationError*>(result.error.get()) != nullptr);
      CHECK(result.attempts.empty());
    } else {
      CHECK(result.outcome == msgraph::FleetOutcome::Created);
    }
  }
}
