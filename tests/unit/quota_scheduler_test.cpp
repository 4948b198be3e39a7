// SPDX-License-Identifier: MIT
// The quota-aware scheduler on a fake clock: scopes, Retry-After pauses per scope, the limit
// percentage slowdown, AIMD on the rate, the concurrency cap and the ETA.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "msgraph/error.hpp"
#include "msgraph/pipeline/throttle_options.hpp"
// Private headers: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "pipeline/quota_scheduler.hpp"

using msgraph::detail::Admission;
using msgraph::detail::QuotaScheduler;
using msgraph::detail::SchedulerTime;
using msgraph::detail::ScopeStatus;
using msgraph::detail::ThrottleSignals;
using msgraph::detail::Ticket;
using Kind = msgraph::detail::ThrottleScopeKind;
using Verdict = Admission::Verdict;
using namespace std::chrono_literals;

namespace {

const SchedulerTime kStart = SchedulerTime(1h);

// Writes per application and tenant are the quota under test: 10 per 10 s at the full fraction
// (1 per second, a burst of 10); every other quota is far away.
msgraph::ThrottleOptions tenWritesPerTenSeconds() {
  msgraph::ThrottleOptions options;
  options.applicationTenantWrites = {10, 10s};
  options.fraction = 1.0;
  options.initialConcurrency = 64;
  return options;
}

ThrottleSignals answer(int status) {
  ThrottleSignals signals;
  signals.status = status;
  return signals;
}

ThrottleSignals throttled(std::chrono::milliseconds retryAfter) {
  ThrottleSignals signals = answer(429);
  signals.retryAfter = retryAfter;
  return signals;
}

ThrottleSignals nearLimit(double limitPercentage) {
  ThrottleSignals signals = answer(200);
  signals.limitPercentage = limitPercentage;
  return signals;
}

ScopeStatus statusOf(const std::vector<ScopeStatus>& all, Kind kind, const std::string& tenant) {
  for (const auto& s : all) {
    if (s.scope.kind == kind && (s.scope.tenantId == tenant || s.scope.tenantId.empty())) return s;
  }
  FAIL("no scope of that kind and tenant");
  return {};
}

Ticket go(QuotaScheduler& scheduler, const msgraph::detail::ScopeSet& scopes, SchedulerTime now,
          double cost = 1) {
  const Admission admission = scheduler.tryAcquire(scopes, now, cost);
  REQUIRE(admission.verdict == Verdict::Go);
  return admission.ticket;
}

}  // namespace

TEST_CASE("A write counts against five scopes, a read against the two of resource units",
          "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto scopes = scheduler.scopesOf("app", "tenant", kStart);
  CHECK(scopes.writes.size == 5);
  CHECK(scopes.reads.size == 2);
  scheduler.onComplete(go(scheduler, scopes.writes, kStart), answer(204), kStart + 100ms);
  scheduler.onComplete(go(scheduler, scopes.reads, kStart), answer(200), kStart + 100ms);
  const auto all = scheduler.scopeStatus(kStart);
  CHECK(statusOf(all, Kind::ApplicationTenantWrites, "tenant").granted == 1);
  CHECK(statusOf(all, Kind::TenantWrites, "tenant").granted == 1);
  CHECK(statusOf(all, Kind::ApplicationWrites, "").granted == 1);
  CHECK(statusOf(all, Kind::ApplicationTenantResourceUnits, "tenant").granted == 2);
  CHECK(statusOf(all, Kind::ApplicationResourceUnits, "").granted == 2);
  SECTION("asking again for the same pair gives the same scopes") {
    const auto again = scheduler.scopesOf("app", "tenant", kStart);
    CHECK(std::vector<std::uint32_t>(again.writes.begin(), again.writes.end()) ==
          std::vector<std::uint32_t>(scopes.writes.begin(), scopes.writes.end()));
  }
}

TEST_CASE("A burst goes at twice the rate until the bucket is spent, then at the rate",
          "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());  // 1 per second, a burst of 10
  const auto writes = scheduler.scopesOf("app", "tenant", kStart).writes;
  std::vector<SchedulerTime> sent;
  SchedulerTime now = kStart;
  while (sent.size() < 30) {
    const Admission admission = scheduler.tryAcquire(writes, now);
    if (admission.verdict == Verdict::WaitUntil) {
      CHECK(admission.notBefore > now);
      now = admission.notBefore;
      continue;
    }
    REQUIRE(admission.verdict == Verdict::Go);
    sent.push_back(now);
  }
  CHECK(sent[1] == kStart);          // the peak bucket holds one second at 2 per second
  CHECK(sent[2] == kStart + 500ms);  // then 2 per second...
  CHECK(sent[29] - sent[28] == 1s);  // ...until the burst is spent: 1 per second
  CHECK(sent[29] < kStart + 21s);    // a burst of 10 and 20 s at 1 per second
}

TEST_CASE("A $batch counts each of its items in every scope", "[scheduler]") {
  auto options = tenWritesPerTenSeconds();
  options.applicationTenantWrites = {100, 10s};
  QuotaScheduler scheduler(options);
  const auto writes = scheduler.scopesOf("app", "tenant", kStart).writes;
  go(scheduler, writes, kStart, 5);
  const auto all = scheduler.scopeStatus(kStart);
  CHECK(statusOf(all, Kind::ApplicationTenantWrites, "tenant").tokens == Approx(95));
  CHECK(statusOf(all, Kind::TenantWrites, "tenant").tokens == Approx(17995));
  CHECK(statusOf(all, Kind::ApplicationResourceUnits, "").tokens == Approx(149995));
}

TEST_CASE("A 429 pauses its scope until Retry-After while another tenant keeps going",
          "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto a = scheduler.scopesOf("app", "tenant-a", kStart).writes;
  const auto b = scheduler.scopesOf("app", "tenant-b", kStart).writes;
  const Ticket sent = go(scheduler, a, kStart);
  scheduler.onComplete(sent, throttled(5s), kStart + 200ms);

  const Admission paused = scheduler.tryAcquire(a, kStart + 1s);
  REQUIRE(paused.verdict == Verdict::WaitUntil);
  CHECK(paused.notBefore >= kStart + 5200ms);  // never before Retry-After
  go(scheduler, b, kStart + 1s);               // tenant B is not held back
  go(scheduler, b, kStart + 1s);
  CHECK(scheduler.tryAcquire(a, kStart + 5100ms).verdict == Verdict::WaitUntil);
  CHECK(scheduler.tryAcquire(a, paused.notBefore).verdict == Verdict::Go);

  const auto all = scheduler.scopeStatus(kStart + 1s);
  const ScopeStatus pair = statusOf(all, Kind::ApplicationTenantWrites, "tenant-a");
  CHECK(pair.throttled == 1);
  CHECK(pair.pausedUntil == kStart + 5200ms);
  CHECK(statusOf(all, Kind::ApplicationTenantWrites, "tenant-b").throttled == 0);
  CHECK(statusOf(all, Kind::ApplicationWrites, "").pausedUntil < kStart);
}

TEST_CASE("A 429 whose x-ms-throttle-scope names the application pauses every tenant",
          "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto a = scheduler.scopesOf("app", "tenant-a", kStart).writes;
  const auto b = scheduler.scopesOf("app", "tenant-b", kStart).writes;
  ThrottleSignals signals = throttled(3s);
  signals.scope = Kind::ApplicationWrites;
  scheduler.onComplete(go(scheduler, a, kStart), signals, kStart);
  CHECK(scheduler.tryAcquire(a, kStart + 1s).verdict == Verdict::WaitUntil);
  CHECK(scheduler.tryAcquire(b, kStart + 1s).verdict == Verdict::WaitUntil);
  CHECK(scheduler.tryAcquire(b, kStart + 1s).notBefore >= kStart + 3s);
}

TEST_CASE("A 429 whose x-ms-throttle-scope names the tenant pauses every application there",
          "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto first = scheduler.scopesOf("app-1", "tenant-a", kStart).writes;
  const auto second = scheduler.scopesOf("app-2", "tenant-a", kStart).writes;
  const auto elsewhere = scheduler.scopesOf("app-1", "tenant-b", kStart).writes;
  ThrottleSignals signals = throttled(3s);
  signals.scope = Kind::TenantWrites;
  scheduler.onComplete(go(scheduler, first, kStart), signals, kStart);
  CHECK(scheduler.tryAcquire(second, kStart + 1s).notBefore >= kStart + 3s);
  CHECK(scheduler.tryAcquire(elsewhere, kStart + 1s).verdict == Verdict::Go);
}

TEST_CASE("A Retry-After longer than the longest quota window is cut to 5 minutes", "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto a = scheduler.scopesOf("app", "tenant-a", kStart).writes;
  scheduler.onComplete(go(scheduler, a, kStart), throttled(24h), kStart);
  const auto all = scheduler.scopeStatus(kStart);
  CHECK(statusOf(all, Kind::ApplicationTenantWrites, "tenant-a").pausedUntil == kStart + 5min);
}

TEST_CASE("A limit percentage of 0.8 or more slows the scope before any 429", "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto writes = scheduler.scopesOf("app", "tenant", kStart).writes;
  SECTION("at 0.85 the burst is gone and the rate is trimmed") {
    scheduler.onComplete(go(scheduler, writes, kStart), nearLimit(0.85), kStart + 100ms);
    const Admission wait = scheduler.tryAcquire(writes, kStart + 100ms);
    CHECK(wait.verdict == Verdict::WaitUntil);
    const ScopeStatus pair =
        statusOf(scheduler.scopeStatus(kStart), Kind::ApplicationTenantWrites, "tenant");
    CHECK(pair.ratePerSecond == Approx(0.9));
    CHECK(pair.slowed == 1);
    CHECK(pair.lastLimitPercentage == Approx(0.85));
  }
  SECTION("under the threshold nothing slows") {
    scheduler.onComplete(go(scheduler, writes, kStart), nearLimit(0.5), kStart + 100ms);
    CHECK(scheduler.tryAcquire(writes, kStart + 100ms).verdict == Verdict::Go);
  }
}

TEST_CASE("AIMD: a 429 halves the rate once per round trip, successes climb to the ceiling",
          "[scheduler]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto writes = scheduler.scopesOf("app", "tenant", kStart).writes;
  auto rate = [&] {
    return statusOf(scheduler.scopeStatus(kStart), Kind::ApplicationTenantWrites, "tenant")
        .ratePerSecond;
  };
  const Ticket first = go(scheduler, writes, kStart);
  const Ticket second = go(scheduler, writes, kStart);
  scheduler.onComplete(first, throttled(1s), kStart + 100ms);
  CHECK(rate() == Approx(0.5));
  scheduler.onComplete(second, throttled(1s), kStart + 150ms);  // sent before the cut
  CHECK(rate() == Approx(0.5));

  SchedulerTime now = kStart + 1100ms;
  for (int i = 0; i < 24; ++i) {
    const Admission admission = scheduler.tryAcquire(writes, now);
    if (admission.verdict == Verdict::WaitUntil) now = admission.notBefore;
    const Ticket t = go(scheduler, writes, now);
    scheduler.onComplete(t, answer(201), now + 100ms);
  }
  CHECK(rate() == Approx(0.98));  // 24 steps of 2% of the ceiling
  for (int i = 0; i < 10; ++i) {
    const Admission admission = scheduler.tryAcquire(writes, now);
    if (admission.verdict == Verdict::WaitUntil) now = admission.notBefore;
    scheduler.onComplete(go(scheduler, writes, now), answer(200), now + 100ms);
  }
  CHECK(rate() == Approx(1.0));  // never above the quota times the fraction
}

TEST_CASE("A transport failure or a 5xx leaves the rate alone and frees the slot", "[scheduler]") {
  auto options = tenWritesPerTenSeconds();
  options.initialConcurrency = 1;
  QuotaScheduler scheduler(options);
  const auto writes = scheduler.scopesOf("app", "tenant", kStart).writes;
  scheduler.onComplete(go(scheduler, writes, kStart), answer(0), kStart + 1s);
  scheduler.onComplete(go(scheduler, writes, kStart + 1s), answer(503), kStart + 2s);
  CHECK(statusOf(scheduler.scopeStatus(kStart), Kind::ApplicationTenantWrites, "tenant")
            .ratePerSecond == Approx(1.0));
  CHECK(scheduler.concurrency().inFlight == 0);
}

TEST_CASE("The concurrency cap holds requests back and grows while it is the limit",
          "[scheduler]") {
  msgraph::ThrottleOptions options;
  options.initialConcurrency = 2;
  options.maxConcurrency = 3;
  QuotaScheduler scheduler(options);
  const auto writes = scheduler.scopesOf("app", "tenant", kStart).writes;
  std::vector<Ticket> inFlight{go(scheduler, writes, kStart), go(scheduler, writes, kStart)};
  CHECK(scheduler.tryAcquire(writes, kStart).verdict == Verdict::WaitForRoom);
  CHECK(scheduler.concurrency().inFlight == 2);

  SchedulerTime now = kStart;
  for (int i = 0; i < 20; ++i) {  // steady latency, always a request waiting
    now += 100ms;
    scheduler.onComplete(inFlight.front(), answer(204), now);
    inFlight.erase(inFlight.begin());
    while (true) {
      const Admission admission = scheduler.tryAcquire(writes, now);
      if (admission.verdict != Verdict::Go) break;
      inFlight.push_back(admission.ticket);
    }
  }
  CHECK(scheduler.concurrency().cap == 3);  // grew, and stopped at maxConcurrency
  CHECK(scheduler.concurrency().inFlight == 3);

  SECTION("a 429 cuts it") {
    scheduler.onComplete(inFlight.front(), throttled(1s), now + 100ms);
    CHECK(scheduler.concurrency().cap == 1);
  }
  SECTION("a latency over twice the lowest seen cuts it") {
    for (std::size_t i = 0; i < 3; ++i) scheduler.onComplete(inFlight[i], answer(204), now + 5s);
    CHECK(scheduler.concurrency().cap < 3);
    CHECK(scheduler.concurrency().smoothedLatency > 200ms);
    CHECK(scheduler.concurrency().lowestLatency == 100ms);
  }
}

TEST_CASE("The ETA of the remaining writes follows the quota, the tokens at hand and a pause",
          "[scheduler]") {
  msgraph::ThrottleOptions options;
  options.applicationTenantWrites = {200, 10s};  // the emulator's --throttle-writes 200/10
  QuotaScheduler scheduler(options);
  const auto writes = scheduler.scopesOf("app", "tenant", kStart).writes;
  // 180 at once (the burst at 90%), then 18 per second.
  CHECK(scheduler.estimateFor(2000, writes, kStart) == 101112ms);
  scheduler.onComplete(go(scheduler, writes, kStart), throttled(5s), kStart);
  CHECK(scheduler.estimateFor(18, writes, kStart) == 6000ms);  // 5 s paused, then 1 s
}

TEST_CASE("A scheduler refuses invalid options naming the field", "[scheduler]") {
  msgraph::ThrottleOptions options;
  options.fraction = 0;
  CHECK_THROWS_AS(QuotaScheduler(options), msgraph::ValidationError);
}

TEST_CASE("scheduler: an envelope waits for the tokens of all its items", "[scheduler][batch]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto scopes = scheduler.scopesOf("app", "contoso", kStart);
  Admission first = scheduler.tryAcquire(scopes.writes, kStart, 6);
  REQUIRE(first.verdict == Verdict::Go);
  CHECK(first.ticket.cost == 6);  // each item counts as one write
  // 3 s later the bucket holds 4 + 3 (at 1 per second): not the 9 an envelope of 9 needs.
  Admission nine = scheduler.tryAcquire(scopes.writes, kStart + 3s, 9);
  REQUIRE(nine.verdict == Verdict::WaitUntil);
  CHECK(nine.notBefore >= kStart + 5s);
  CHECK(scheduler.tryAcquire(scopes.writes, nine.notBefore, 9).verdict == Verdict::Go);
}

TEST_CASE("scheduler: an item answered 429 inside an envelope pauses its scope",
          "[scheduler][batch]") {
  QuotaScheduler scheduler(tenWritesPerTenSeconds());
  const auto scopes = scheduler.scopesOf("app", "contoso", kStart);
  Admission envelope = scheduler.tryAcquire(scopes.writes, kStart, 3);
  REQUIRE(envelope.verdict == Verdict::Go);
  scheduler.onEnvelopeComplete(envelope.ticket, answer(200),
                               {answer(204), throttled(5s), answer(204)}, kStart + 100ms);
  const ScopeStatus writes =
      statusOf(scheduler.scopeStatus(kStart + 100ms), Kind::ApplicationTenantWrites, "contoso");
  CHECK(writes.throttled == 1);
  CHECK(writes.pausedUntil == kStart + 100ms + 5s);
  CHECK(scheduler.tryAcquire(scopes.writes, kStart + 1s).verdict == Verdict::WaitUntil);
  CHECK(scheduler.concurrency().inFlight == 0);  // one round trip, ended once
}
