// SPDX-License-Identifier: MIT
// A fleet under Graph's write quota: N partner ensures through msgraph::Fleet against the
// emulator (HTTPS on 127.0.0.1) with `--throttle-writes 200/10`, a token bucket of 200 writes
// refilled at 20 per second per application and tenant, the rate of Graph's documented
// 3,000 per 150 s. Each item ensures a partner configuration that does not exist yet: a GET (404;
// reads are not throttled here, as no --throttle-reads is set, and the scheduler's read quota of
// 3,500 resource units per 10 s is far above the 20 items per second the writes allow) and one
// POST, so N writes.
//
// The ideal is the quota's pace: N / 20 s. The emulator's bucket starts full, so its first 200
// writes need not wait: the least time the emulator allows is (N - 200) / 20 s.
//
// Modes, each against an emulator of its own:
//   adaptive          the quota-aware scheduler told the quota (200 per 10 s) at fraction 1.0:
//                     what a user sets who knows the quota is theirs alone
//   adaptive-default  the scheduler with its defaults (Graph's 3,000 per 150 s at fraction 0.9)
//   adaptive-batch    adaptive in $batch mode, envelopes of up to 20 requests (Graph's limit);
//                     each request of an envelope counts against the quota: the same ideal
//   fixed16           16 requests in flight, no limiter (ForEach-Object -Parallel)
//
// Usage: fleet_quota EMULATOR [PARTNERS [MODE...]]   (default: 2000, and adaptive,
// adaptive-default and fixed16)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fleet_bench.hpp"

namespace {

constexpr int kQuotaWrites = 200;
constexpr int kQuotaSeconds = 10;
constexpr double kQuotaRate = static_cast<double>(kQuotaWrites) / kQuotaSeconds;
constexpr std::size_t kFailuresShown = 5;
constexpr int kBatchSize = 20;

bool configure(const std::string& mode, msgraph::FleetOptions& options) {
  if (mode == "adaptive" || mode == "adaptive-batch") {
    options.throttle.applicationTenantWrites = {kQuotaWrites, std::chrono::seconds(kQuotaSeconds)};
    options.throttle.fraction = 1.0;
    if (mode == "adaptive-batch") options.batchSize = kBatchSize;
  } else if (mode == "fixed16") {
    options.fixedConcurrency = 16;
  } else if (mode != "adaptive-default") {
    return false;
  }
  return true;
}

// Runs `partners` ensures in `mode`; prints one line of figures. False if a partner was written
// more than once or one not asked for was written, or, for the scheduler, if an item failed
// (fixed16's items may run out of retries: that is what it measures).
bool runMode(const std::string& mode, std::size_t partners) {
  fleet_bench::World world(
      {"--throttle-writes", std::to_string(kQuotaWrites) + "/" + std::to_string(kQuotaSeconds)});
  configure(mode, world.options);
  world.options.total = partners;
  world.options.progressInterval = std::chrono::seconds(10);
  world.options.progress = [](const msgraph::FleetProgress& now) {
    std::fprintf(stderr, "  %6.1f s: %zu done, %zu in flight, %llu 429s, limit %.1f/s, cap %d\n",
                 static_cast<double>(now.elapsed.count()) / 1000, now.done, now.inFlight,
                 static_cast<unsigned long long>(now.throttled), now.writesPerSecondLimit,
                 now.concurrencyLimit);
  };
  msgraph::Fleet fleet(world.options);
  std::size_t failed = 0;
  const msgraph::FleetSummary summary = fleet.run(
      fleet_bench::EnsureSource{partners, false}, [&](const msgraph::FleetResult& result) {
        if (result.outcome == msgraph::FleetOutcome::Created) return;
        if (++failed <= kFailuresShown) fleet_bench::printFailure(result);
      });
  const fleet_bench::WriteCheck writes =
      fleet_bench::checkWrites(world.emulator.stats(), partners, 1);

  const double wall = static_cast<double>(summary.elapsed.count()) / 1000;
  const double ideal = static_cast<double>(partners) / kQuotaRate;
  const double least =
      static_cast<double>(partners - std::min<std::size_t>(partners, kQuotaWrites)) / kQuotaRate;
  const double throttledShare =
      summary.requests == 0
          ? 0
          : 100.0 * static_cast<double>(summary.throttled) / static_cast<double>(summary.requests);
  std::printf(
      "%-16s partners %zu  wall %.2f s  ideal %.1f s  wall/ideal %.3f  least (bucket) %.1f s  "
      "wall/least %.3f  requests %llu  429s %llu (%.2f%%)  not created %zu  written once %zu/%zu "
      "(never %zu, more than once %zu, other partners %zu)\n",
      mode.c_str(), partners, wall, ideal, wall / ideal, least, least > 0 ? wall / least : 0,
      static_cast<unsigned long long>(summary.requests),
      static_cast<unsigned long long>(summary.throttled), throttledShare, failed, writes.exact,
      partners, writes.fewer, writes.more, writes.others);
  std::fflush(stdout);
  const bool paced = !world.options.fixedConcurrency;
  return writes.more == 0 && writes.others == 0 && (!paced || failed + writes.fewer == 0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: fleet_quota EMULATOR [PARTNERS [adaptive|adaptive-default|"
                 "adaptive-batch|fixed16...]]\n");
    return 2;
  }
  fleet_bench::emulatorPath() = argv[1];
  const std::size_t partners = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2000;
  std::vector<std::string> modes(argv + std::min(argc, 3), argv + argc);
  if (modes.empty()) modes = {"adaptive", "adaptive-default", "fixed16"};
  msgraph::FleetOptions check;
  for (const auto& mode : modes) {
    if (partners == 0 || !configure(mode, check)) {
      std::fprintf(stderr, "fleet_quota: bad partners count or mode '%s'\n", mode.c_str());
      return 2;
    }
  }
  bool ok = true;
  for (const auto& mode : modes) ok = runMode(mode, partners) && ok;
  return ok ? 0 : 1;
}
