// SPDX-License-Identifier: MIT
// The tool's apply against the emulator over HTTPS with its write quota on: it makes the tenant
// match the desired-state file, records every partner in --results, writes each partner only as
// often as its ensure needs, and --resume skips what a results file records as done.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "integration/fleet.hpp"

namespace {

using testing_support::contentsOf;
using testing_support::Fleet;
using testing_support::linesOf;
using testing_support::Outcome;

std::string partnerId(int i) {
  char id[37];
  std::snprintf(id, sizeof id, "00000000-0000-4000-9000-%012d", i);
  return id;
}

std::string desiredLines(int count, const std::string& name) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += R"({"partnerTenantId":")" + partnerId(i) +
            R"(","identitySynchronization":{"displayName":")" + name + std::to_string(i) +
            R"(","userSyncInbound":{"isSyncAllowed":true}}})" + "\n";
  }
  return text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t found = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++found;
  }
  return found;
}

}  // namespace

TEST_CASE("cli apply: creates every partner at the quota, records each, then finds nothing to do",
          "[cli][fleet][integration]") {
  const Fleet fleet({"--throttle-writes", "40/2"});
  const std::string desired = fleet.file("desired.jsonl", desiredLines(30, "Partner "));
  const std::string results = fleet.path("results.jsonl");
  const auto writesBefore = fleet.stat("writes");
  const Outcome applied =
      fleet.cli()({"apply", "--desired", desired, "--results", results, "--quiet"});
  INFO(applied.err);
  CHECK(applied.exitCode == 0);
  CHECK(applied.out.rfind("Applied: 30 created, 0 updated, 0 unchanged, 0 removed, 0 failed;", 0) ==
        0);
  const auto lines = linesOf(contentsOf(results));
  REQUIRE(lines.size() == 30);
  for (const auto& line : lines) {
    CHECK(line.find(R"("action":"create","outcome":"done")") != std::string::npos);
  }
  // Each partner's POST and its policy's PUT, no more.
  CHECK(fleet.stat("writes") == writesBefore + 60);

  // Nothing differs now: recorded as unchanged, nothing written.
  const Outcome again = fleet.cli()({"apply", "--desired", desired, "--quiet"});
  CHECK(again.exitCode == 0);
  CHECK(again.out.rfind("Applied: 0 created, 0 updated, 30 unchanged,", 0) == 0);
  CHECK(fleet.stat("writes") == writesBefore + 60);
}

TEST_CASE("cli apply: --resume skips the partners a results file records as done",
          "[cli][fleet][integration]") {
  const Fleet fleet;
  const std::string results = fleet.path("results.jsonl");
  // A run that did partners 0 and 1, killed while writing its third line.
  fleet.partnerWithPolicy(partnerId(0), "Partner 0");
  fleet.partnerWithPolicy(partnerId(1), "Partner 1");
  fleet.file("results.jsonl",
             R"({"line":1,"tenant":"","partnerTenantId":")" + partnerId(0) +
                 R"(","action":"create","outcome":"done","status":204,"requestId":"","attempts":4})"
                 "\n"
                 R"({"line":2,"tenant":"","partnerTenantId":")" +
                 partnerId(1) +
                 R"(","action":"create","outcome":"done","status":204,"requestId":"","attempts":4})"
                 "\n"
                 R"({"line":3,"tenant":"","partnerTen)");
  const std::string desired = fleet.file("desired.jsonl", desiredLines(4, "Partner "));
  const auto writesBefore = fleet.stat("writes");
  const Outcome resumed = fleet.cli()(
      {"apply", "--desired", desired, "--results", results, "--resume", results, "--quiet"});
  INFO(resumed.err);
  CHECK(resumed.exitCode == 0);
  CHECK(resumed.out.rfind("Applied: 2 created, 0 updated, 0 unchanged, 0 removed, 0 failed, 2 "
                          "skipped (done before);",
                          0) == 0);
  CHECK(resumed.err.find("results.jsonl:3: not a finished record") != std::string::npos);
  CHECK(fleet.stat("writes") == writesBefore + 4);
  const std::string recorded = contentsOf(results);
  for (int i = 0; i < 4; ++i) {
    INFO(partnerId(i));
    CHECK(count(recorded, partnerId(i) + R"(","action":"create","outcome":"done")") == 1);
  }
  // The cut line was ended first: every record is a line of its own, the fragment alone.
  const auto lines = linesOf(recorded);
  REQUIRE(lines.size() == 5);
  CHECK(lines[2] == R"({"line":3,"tenant":"","partnerTen)");
  for (std::size_t i : {0u, 1u, 3u, 4u}) CHECK(msgraph::Json::parse(lines[i]).isObject());

  // Again: all four are recorded as done.
  const Outcome third =
      fleet.cli()({"apply", "--desired", desired, "--resume", results, "--quiet"});
  CHECK(third.exitCode == 0);
  CHECK(third.out.find("4 skipped (done before)") != std::string::npos);
}

TEST_CASE("cli apply: --concurrency is auto or 1 to 256", "[cli][fleet][integration]") {
  const Fleet fleet;
  const std::string desired = fleet.file("desired.jsonl", desiredLines(1, "P"));
  const auto writesBefore = fleet.stat("writes");
  for (const char* bad : {"0", "257", "many", ""}) {
    const Outcome refused = fleet.cli()({"apply", "--desired", desired, "--concurrency", bad});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("--concurrency: expected auto or a number from 1 to 256") !=
          std::string::npos);
  }
  CHECK(fleet.stat("writes") == writesBefore);
}

TEST_CASE("cli apply --batch: the same results and writes in fewer round trips",
          "[cli][fleet][batch][integration]") {
  const Fleet fleet;
  // Partner 0 differs, partner 1 matches, partners 2 to 29 are new.
  fleet.partnerWithPolicy(partnerId(0), "Old 0");
  fleet.partnerWithPolicy(partnerId(1), "Partner 1");
  const std::string desired = fleet.file("desired.jsonl", desiredLines(30, "Partner "));
  const std::string results = fleet.path("results.jsonl");
  const auto writesBefore = fleet.stat("writes");
  const auto requestsBefore = fleet.stat("graphRequests");
  const Outcome applied = fleet.cli()({"apply", "--desired", desired, "--results", results,
                                       "--batch", "--batch-size", "7", "--quiet"});
  INFO(applied.err);
  CHECK(applied.exitCode == 0);
  CHECK(applied.out.rfind("Applied: 28 created, 1 updated, 1 unchanged, 0 removed, 0 failed;", 0) ==
        0);
  const auto lines = linesOf(contentsOf(results));
  REQUIRE(lines.size() == 30);
  CHECK(count(contentsOf(results), R"("action":"create","outcome":"done")") == 28);
  CHECK(count(contentsOf(results), R"("action":"update","outcome":"done")") == 1);
  CHECK(count(contentsOf(results), R"("action":"unchanged","outcome":"done")") == 1);
  // 28 POSTs and 28 PUTs, one PATCH: the writes of the run without --batch.
  CHECK(fleet.stat("writes") == writesBefore + 57);
  // The plan's listing and the run's requests (29 partner reads, 29 policy reads, 57 writes)
  // rode in envelopes of at most 7: far fewer round trips than 115 requests.
  CHECK(fleet.stat("graphRequests") - requestsBefore < 40);

  const Outcome again = fleet.cli()({"apply", "--desired", desired, "--batch", "--quiet"});
  CHECK(again.exitCode == 0);
  CHECK(again.out.rfind("Applied: 0 created, 0 updated, 30 unchanged,", 0) == 0);
  CHECK(fleet.stat("writes") == writesBefore + 57);
}

TEST_CASE("cli apply: --batch-size is 1 to 20 and needs --batch",
          "[cli][fleet][batch][integration]") {
  const Fleet fleet;
  const std::string desired = fleet.file("desired.jsonl", desiredLines(1, "P"));
  const auto writesBefore = fleet.stat("writes");
  for (const char* bad : {"0", "21", "many", "", "-1"}) {
    const Outcome refused =
        fleet.cli()({"apply", "--desired", desired, "--batch", "--batch-size", bad});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("--batch-size: expected a number from 1 to 20") != std::string::npos);
  }
  const Outcome alone = fleet.cli()({"apply", "--desired", desired, "--batch-size", "5"});
  CHECK(alone.exitCode == 2);
  CHECK(alone.err.find("--batch-size: needs --batch") != std::string::npos);
  CHECK(fleet.stat("writes") == writesBefore);
}
