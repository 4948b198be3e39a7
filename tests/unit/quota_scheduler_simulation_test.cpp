// SPDX-License-Identifier: MIT
// The scheduler driving thousands of writes against a simulated Graph quota on a simulated clock
// (deterministic: a seeded latency, no threads, no sleeps): it converges (under 1% 429s in the
// second half of a run), finishes within 5% of the quota's ideal time, honours Retry-After per
// scope and keeps other tenants going while one is paused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "msgraph/pipeline/throttle_options.hpp"
// Private headers: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "pipeline/quota_scheduler.hpp"
#include "simulated_graph.hpp"

using msgraph::detail::Admission;
using msgraph::detail::QuotaScheduler;
using msgraph::detail::SchedulerTime;
using msgraph_test::SimulatedGraph;
using namespace std::chrono_literals;

namespace {

const SchedulerTime kStart = SchedulerTime(1h);

struct Tenant {
  std::string id;
  int writes = 0;
};

struct SentRequest {
  SchedulerTime at;
  std::size_t tenant;
};

struct RunFigures {
  std::vector<SentRequest> sent;        // every request, in the order sent
  std::vector<bool> throttled;          // per request: answered 429
  std::vector<SchedulerTime> finished;  // per tenant: its last write done
  SchedulerTime end{};
  int maxInFlight = 0;

  double seconds() const { return std::chrono::duration<double>(end - kStart).count(); }
  int throttledCount(std::size_t from, std::size_t to) const {
    int count = 0;
    for (std::size_t i = from; i < to; ++i) count += throttled[i] ? 1 : 0;
    return count;
  }
};

// One event of the simulation: a request reaching Graph, or its answer reaching the scheduler.
struct Event {
  SchedulerTime at;
  std::size_t request;
  bool answer;
  friend bool operator>(const Event& a, const Event& b) { return a.at > b.at; }
};

// Runs every tenant's writes through `scheduler` against `graph` (a 429'd write is sent again,
// through the scheduler). The latency of each request is 150-250 ms, seeded.
RunFigures run(QuotaScheduler& scheduler, SimulatedGraph& graph, std::vector<Tenant> tenants) {
  std::minstd_rand random(20261201);
  std::vector<msgraph::detail::ScopeSet> scopes;
  for (const auto& t : tenants) scopes.push_back(scheduler.scopesOf("app", t.id, kStart).writes);
  RunFigures figures;
  figures.finished.assign(tenants.size(), kStart);
  std::vector<int> waiting;  // per tenant: writes not yet sent
  for (const auto& t : tenants) waiting.push_back(t.writes);
  std::vector<msgraph::detail::Ticket> tickets;
  std::vector<SchedulerTime> answerAt;
  std::vector<msgraph::HttpResponse> answers;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> events;
  int inFlight = 0;
  int left = 0;
  for (const auto& t : tenants) left += t.writes;

  SchedulerTime now = kStart;
  for (int step = 0; left > 0; ++step) {
    if (step >= 1000000 || now >= kStart + 1h) FAIL("the run does not end");  // a hang guard
    SchedulerTime wake = SchedulerTime::max();
    for (std::size_t t = 0; t < tenants.size(); ++t) {
      while (waiting[t] > 0) {
        const Admission admission = scheduler.tryAcquire(scopes[t], now);
        if (admission.verdict == Admission::Verdict::WaitUntil) {
          wake = std::min(wake, admission.notBefore);
        }
        if (admission.verdict != Admission::Verdict::Go) break;
        const auto latency = std::chrono::milliseconds(150 + random() % 101);
        events.push({now + latency / 2, figures.sent.size(), false});
        answerAt.push_back(now + latency);
        tickets.push_back(admission.ticket);
        answers.emplace_back();
        figures.sent.push_back({now, t});
        figures.throttled.push_back(false);
        --waiting[t];
        figures.maxInFlight = std::max(figures.maxInFlight, ++inFlight);
      }
    }
    if (!events.empty()) wake = std::min(wake, events.top().at);
    if (wake == SchedulerTime::max()) FAIL("writes are left but nothing is pending");
    now = std::max(now, wake);
    while (!events.empty() && events.top().at <= now) {
      const Event event = events.top();
      events.pop();
      const std::size_t t = figures.sent[event.request].tenant;
      if (!event.answer) {
        answers[event.request] = graph.write(tenants[t].id, event.at);
        events.push({answerAt[event.request], event.request, true});
        continue;
      }
      const auto& answer = answers[event.request];
      scheduler.onComplete(tickets[event.request], msgraph::detail::throttleSignalsOf(answer, {}),
                           event.at);
      --inFlight;
      if (answer.status == 429) {
        figures.throttled[event.request] = true;
        ++waiting[t];
      } else {
        --left;
        figures.finished[t] = event.at;
      }
    }
  }
  figures.end = *std::max_element(figures.finished.begin(), figures.finished.end());
  return figures;
}

void print(const char* name, const RunFigures& figures, double idealSeconds) {
  const std::size_t half = figures.sent.size() / 2;
  std::printf(
      "[simulation] %s: %zu requests, %d 429s (%d in the second half), %.2f s simulated, ideal "
      "%.1f s (%.3fx), at most %d in flight\n",
      name, figures.sent.size(), figures.throttledCount(0, figures.sent.size()),
      figures.throttledCount(half, figures.sent.size()), figures.seconds(), idealSeconds,
      figures.seconds() / idealSeconds, figures.maxInFlight);
}

void requireConverged(const RunFigures& figures) {
  const std::size_t total = figures.sent.size();
  const std::size_t half = total / 2;
  CHECK(figures.throttledCount(half, total) * 100 < static_cast<int>(total - half));
}

// The figures a progress display reads from the scheduler agree with what the run saw.
void requireCountsAgree(const QuotaScheduler& scheduler, const RunFigures& figures,
                        const std::vector<std::string>& tenants) {
  CHECK(scheduler.concurrency().inFlight == 0);
  for (const auto& status : scheduler.scopeStatus(figures.end)) {
    if (status.scope.kind != msgraph::detail::ThrottleScopeKind::ApplicationTenantWrites) continue;
    const auto t = static_cast<std::size_t>(
        std::find(tenants.begin(), tenants.end(), status.scope.tenantId) - tenants.begin());
    REQUIRE(t < tenants.size());
    std::uint64_t sent = 0;
    std::uint64_t throttled = 0;
    for (std::size_t i = 0; i < figures.sent.size(); ++i) {
      if (figures.sent[i].tenant != t) continue;
      ++sent;
      throttled += figures.throttled[i] ? 1 : 0;
    }
    CHECK(status.granted == sent);
    CHECK(status.throttled == throttled);
  }
}

// The emulator's --throttle-writes 200/10: 20 writes per second, a burst of 200.
msgraph::ThrottleOptions matchingTheEmulator() {
  msgraph::ThrottleOptions options;
  options.applicationTenantWrites = {200, 10s};
  return options;
}

}  // namespace

TEST_CASE("2,000 writes against a 200 per 10 s quota finish within 5% of the ideal time",
          "[scheduler]") {
  SimulatedGraph graph({});
  QuotaScheduler scheduler(matchingTheEmulator());
  const RunFigures figures = run(scheduler, graph, {{"tenant", 2000}});
  const double ideal = 2000 / 20.0;  // writes / the quota's rate
  print("2000 writes, quota 200/10 s, options 200/10 s", figures, ideal);
  requireCountsAgree(scheduler, figures, {"tenant"});
  CHECK(figures.seconds() <= 1.05 * ideal);
  requireConverged(figures);
  CHECK(figures.throttledCount(0, figures.sent.size()) * 100 <=
        static_cast<int>(figures.sent.size()));
}

TEST_CASE("With the documented defaults against a smaller burst the scheduler converges",
          "[scheduler]") {
  // The defaults believe in a burst of 2,700 (3,000 per 150 s at 90%); the simulated quota has
  // the same rate but a burst of 200, and says nothing before its 429s.
  SimulatedGraph graph({200, 20, false});
  QuotaScheduler scheduler(msgraph::ThrottleOptions{});
  const RunFigures figures = run(scheduler, graph, {{"tenant", 2000}});
  const double ideal = 2000 / 20.0;
  print("2000 writes, quota 200/10 s without limit percentage, default options", figures, ideal);
  requireCountsAgree(scheduler, figures, {"tenant"});
  requireConverged(figures);
  CHECK(figures.throttledCount(0, figures.sent.size()) * 100 <=
        static_cast<int>(figures.sent.size()));
  CHECK(figures.seconds() <= 1.05 * ideal);
}

TEST_CASE("One tenant paused by Retry-After while the other tenant's writes keep going",
          "[scheduler]") {
  SimulatedGraph graph({});
  const SchedulerTime blockFrom = kStart + 20s;
  const SchedulerTime blockUntil = kStart + 50s;
  graph.block("tenant-a", blockFrom, blockUntil);
  QuotaScheduler scheduler(matchingTheEmulator());
  const RunFigures figures = run(scheduler, graph, {{"tenant-a", 1000}, {"tenant-b", 1000}});
  const double ideal = 1000 / 20.0;  // per tenant: each has its own quota
  print("two tenants of 1000 writes (ideal per tenant), tenant A blocked from 20 s to 50 s",
        figures, ideal);
  std::printf("[simulation]   tenant A done at %.2f s, tenant B at %.2f s\n",
              std::chrono::duration<double>(figures.finished[0] - kStart).count(),
              std::chrono::duration<double>(figures.finished[1] - kStart).count());

  // Retry-After honoured: once A's first 429 was back, nothing of A went before the block ended.
  std::size_t first = 0;
  while (first < figures.sent.size() &&
         !(figures.throttled[first] && figures.sent[first].tenant == 0)) {
    ++first;
  }
  REQUIRE(first < figures.sent.size());
  CHECK(figures.sent[first].at >= blockFrom - 250ms);
  const SchedulerTime answered = figures.sent[first].at + 250ms;  // the longest latency
  const SchedulerTime windowEnd = std::min(blockUntil, figures.finished[1]);
  int sentByA = 0;
  int sentByB = 0;
  for (const auto& request : figures.sent) {
    if (request.at <= answered || request.at >= windowEnd) continue;
    (request.tenant == 0 ? sentByA : sentByB) += 1;
  }
  CHECK(sentByA == 0);
  // Tenant B kept at least its pace (18 per second at 90%) through A's pause...
  const double window = std::chrono::duration<double>(windowEnd - answered).count();
  REQUIRE(window > 20);
  CHECK(sentByB >= 0.95 * 18 * window);
  // ...and finished within 5% of its own ideal; A finished after its block.
  CHECK(std::chrono::duration<double>(figures.finished[1] - kStart).count() <= 1.05 * ideal);
  CHECK(figures.finished[0] > blockUntil);
  requireConverged(figures);
  requireCountsAgree(scheduler, figures, {"tenant-a", "tenant-b"});
}

TEST_CASE("A quota half the size the options believe: AIMD and the limit percentage converge",
          "[scheduler]") {
  SimulatedGraph graph({100, 10, true});  // 100 per 10 s, but the options say 200 per 10 s
  QuotaScheduler scheduler(matchingTheEmulator());
  const RunFigures figures = run(scheduler, graph, {{"tenant", 2000}});
  const double ideal = 2000 / 10.0;
  print("2000 writes, quota 100/10 s, options 200/10 s", figures, ideal);
  requireConverged(figures);
  CHECK(figures.seconds() <= 1.25 * ideal);
}
