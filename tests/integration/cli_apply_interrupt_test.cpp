// SPDX-License-Identifier: MIT
// The tool's apply stopped part-way, as unattended jobs are: killed with SIGKILL, then resumed;
// interrupted once (no partner starts any more, those under way finish); interrupted twice
// (those under way are cancelled). The emulator's write quota runs on its manual clock, so a run
// stalls at a known point (its quota spent) until the test moves the clock on.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "integration/fleet.hpp"

namespace {

using testing_support::contentsOf;
using testing_support::Fleet;
using testing_support::linesOf;

// Each partner is created with 2 writes, its POST and its policy's PUT, so the quota of 40 lets a
// run finish at most 20 before it stalls; the run holds all 150 at once (its room is 256).
constexpr int kPartners = 150;
constexpr int kKilledPartners = 30;
// 40 writes per 10 s: a refused write's Retry-After is 1 s, below the emulator's keep-alive of
// 2 s, so the first retries go on their connections.
const std::vector<std::string> kQuotaOf40 = {"--throttle-writes", "40/10",
                                             "--throttle-manual-clock"};

std::string partnerId(int i) {
  char id[37];
  std::snprintf(id, sizeof id, "00000000-0000-4000-9100-%012d", i);
  return id;
}

std::string desiredLines(int partners = kPartners) {
  std::string text;
  for (int i = 0; i < partners; ++i) {
    text += R"({"partnerTenantId":")" + partnerId(i) +
            R"(","identitySynchronization":{"displayName":"P)" + std::to_string(i) +
            R"(","userSyncInbound":{"isSyncAllowed":true}}})" + "\n";
  }
  return text;
}

// Whether `condition` holds within `bound`, looked at every 20 ms (the state of another process:
// a bound on a failing test, not a measurement).
template <typename Condition>
bool eventually(Condition condition, std::chrono::seconds bound = std::chrono::seconds(60)) {
  const auto giveUp = std::chrono::steady_clock::now() + bound;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > giveUp) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

std::size_t recordsWith(const std::string& path, const std::string& outcome) {
  std::size_t found = 0;
  for (const auto& line : linesOf(contentsOf(path))) {
    if (line.find(R"("outcome":")" + outcome + '"') != std::string::npos) ++found;
  }
  return found;
}

// Writes the emulator refused as over the application's write quota.
std::int64_t refusedWrites(const Fleet& fleet) {
  return fleet.emulator().stats().find("throttled")->find("Tenant_Application/Write")->asInt();
}

std::int64_t writesOf(const msgraph::Json& stats, const std::string& partner) {
  const msgraph::Json* byPartner = stats.find("writesByPartner")->find("contoso.onmicrosoft.com");
  const msgraph::Json* count = byPartner == nullptr ? nullptr : byPartner->find(partner);
  return count == nullptr ? 0 : count->asInt();
}

// The run has spent the quota of 40 writes and a write is being refused: it cannot go on.
bool stalled(const Fleet& fleet) { return fleet.stat("writes") >= 40 && refusedWrites(fleet) >= 1; }

// The records of each partner in `results`, parsed (the file read once).
std::map<std::string, std::vector<msgraph::Json>> recordsByPartner(const std::string& results) {
  std::map<std::string, std::vector<msgraph::Json>> records;
  for (const auto& line : linesOf(contentsOf(results))) {
    msgraph::Json record = msgraph::Json::parse(line);
    const std::string partner = record.find("partnerTenantId")->asString();
    records[partner].push_back(std::move(record));
  }
  return records;
}

// An apply of kPartners started in the background and stalled: its quota spent.
struct StalledApply {
  StalledApply() {
    run = fleet.cli().start({"apply", "--desired", desired, "--results", results, "--quiet"});
    if (!eventually([&] { return stalled(fleet); })) run.reset();
  }
  const Fleet fleet{kQuotaOf40};
  const std::string desired = fleet.file("desired.jsonl", desiredLines());
  const std::string results = fleet.path("results.jsonl");
  std::unique_ptr<testing_support::Daemon> run;
};

}  // namespace

TEST_CASE("cli apply: killed mid-run with SIGKILL, --resume records every partner once as done",
          "[cli][fleet][integration]") {
  const Fleet fleet(kQuotaOf40);
  const std::string desired = fleet.file("desired.jsonl", desiredLines(kKilledPartners));
  const std::string results = fleet.path("results.jsonl");
  auto run = fleet.cli().start({"apply", "--desired", desired, "--results", results, "--quiet"});
  REQUIRE(eventually([&] { return stalled(fleet); }));
  run->signal_(SIGKILL);
  REQUIRE(run->wait(std::chrono::seconds(10)) == 128 + SIGKILL);
  const std::size_t doneBefore = recordsWith(results, "done");
  CHECK(doneBefore < static_cast<std::size_t>(kKilledPartners));

  fleet.emulator().advanceClock(std::chrono::minutes(10));  // the quota is whole again
  const auto resumed = fleet.cli()(
      {"apply", "--desired", desired, "--results", results, "--resume", results, "--quiet"});
  INFO(resumed.err);
  CHECK(resumed.exitCode == 0);
  CHECK(resumed.out.find(std::to_string(doneBefore) + " skipped (done before)") !=
        std::string::npos);
  const msgraph::Json stats = fleet.emulator().stats();
  auto byPartner = recordsByPartner(results);
  for (int i = 0; i < kKilledPartners; ++i) {
    INFO(partnerId(i));
    std::size_t done = 0;
    for (const msgraph::Json& record : byPartner[partnerId(i)]) {
      if (record.find("outcome")->asString() == "done") ++done;
    }
    CHECK(done == 1);
    CHECK(writesOf(stats, partnerId(i)) == 2);  // its POST and its PUT: none twice, none lost
  }
}

TEST_CASE("cli apply: the first SIGINT starts no partner more, those under way finish",
          "[cli][fleet][integration]") {
  const StalledApply stalledRun;
  const Fleet& fleet = stalledRun.fleet;
  const std::string& results = stalledRun.results;
  auto& run = stalledRun.run;
  REQUIRE(run != nullptr);
  const std::size_t doneAtInterrupt = recordsWith(results, "done");
  run->signal_(SIGINT);
  // The partners that had written nothing are recorded as cancelled at once ...
  REQUIRE(eventually([&] { return recordsWith(results, "cancelled") >= 1; }));
  // ... and those under way finish once the quota lets them (each advance refills it).
  REQUIRE(eventually([&] {
    fleet.emulator().advanceClock(std::chrono::seconds(10));
    return run->exited();
  }));
  CHECK(run->wait(std::chrono::seconds(1)) == 11);
  const std::size_t done = recordsWith(results, "done");
  CHECK(done > doneAtInterrupt);
  CHECK(done < static_cast<std::size_t>(kPartners));
  const msgraph::Json stats = fleet.emulator().stats();
  auto byPartner = recordsByPartner(results);
  for (int i = 0; i < kPartners; ++i) {
    INFO(partnerId(i));
    const auto& records = byPartner[partnerId(i)];
    REQUIRE(records.size() <= 1);
    if (!records.empty() && records[0].find("outcome")->asString() == "done") {
      CHECK(writesOf(stats, partnerId(i)) == 2);
    } else {  // cancelled before it wrote, or never started
      CHECK(writesOf(stats, partnerId(i)) == 0);
    }
  }
}

TEST_CASE("cli apply: the second SIGINT cancels the partners under way",
          "[cli][fleet][integration]") {
  const StalledApply stalledRun;
  const std::string& results = stalledRun.results;
  auto& run = stalledRun.run;
  REQUIRE(run != nullptr);
  run->signal_(SIGINT);
  REQUIRE(eventually([&] { return recordsWith(results, "cancelled") >= 1; }));
  const std::size_t doneAtInterrupt = recordsWith(results, "done");
  const std::size_t cancelledAtInterrupt = recordsWith(results, "cancelled");
  run->signal_(SIGINT);  // the quota stays spent: only cancelling ends the run
  CHECK(run->wait(std::chrono::seconds(30)) == 11);
  CHECK(recordsWith(results, "done") == doneAtInterrupt);
  // Those under way (their write refused as over the quota, waiting to try again) now too.
  CHECK(recordsWith(results, "cancelled") > cancelledAtInterrupt);
  auto byPartner = recordsByPartner(results);
  for (int i = 0; i < kPartners; ++i) {
    INFO(partnerId(i));
    CHECK(byPartner[partnerId(i)].size() <= 1);
  }
}
