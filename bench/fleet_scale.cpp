// SPDX-License-Identifier: MIT
// A fleet at scale: N partners (default 100,000), each a partner configuration with an identity
// synchronization policy, created against the emulator (HTTPS on 127.0.0.1, no throttling), to
// show that memory does not grow with N. Each item is an ensure: GET partner (404), POST partner,
// GET policy (404), PUT policy: 4 requests and 2 writes.
//
// Modes, each against an emulator of its own:
//   library  msgraph::Fleet in this process, the items made one at a time by a generator source,
//            each result dropped after it is counted; the scheduler adaptive, its quotas raised
//            far above what the run reaches (the emulator does not throttle), so that it is
//            metered but never waits. Client figures: this process (VmHWM, getrusage).
//   tool     `msgraph-identity-sync apply --desired FILE --results FILE --concurrency 64 --quiet`
//            as a child process, reading an N-line desired-state file and writing the results
//            journal: the tool's own path too. Client figures: the child's (wait4).
// Printed per mode: the client's peak RSS, its CPU time per item, items per second, the
// emulator's peak RSS (context: it keeps every partner), and the per-partner write check.
//
// Usage: fleet_scale EMULATOR TOOL [PARTNERS [MODE...]]   (default: 100000 library tool)
#include <fcntl.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "fleet_bench.hpp"

namespace {

constexpr int kToolConcurrency = 64;

// What one mode measured of the client.
struct ClientFigures {
  double wallSeconds = 0;
  double cpuSeconds = 0;
  double peakMiB = 0;
  std::size_t failed = 0;
};

ClientFigures runLibrary(fleet_bench::World& world, std::size_t partners) {
  msgraph::ThrottleOptions& throttle = world.options.throttle;
  const msgraph::QuotaLimit unreachable{1000000000, std::chrono::seconds(1)};
  throttle.applicationTenantWrites = throttle.applicationTenantResourceUnits = unreachable;
  throttle.tenantWrites = throttle.applicationWrites = unreachable;
  throttle.applicationResourceUnits = unreachable;
  world.options.total = partners;
  msgraph::Fleet fleet(world.options);
  ClientFigures figures;
  rusage before{}, after{};
  getrusage(RUSAGE_SELF, &before);
  const msgraph::FleetSummary summary =
      fleet.run(fleet_bench::EnsureSource{partners, true}, [&](const msgraph::FleetResult& r) {
        if (r.outcome != msgraph::FleetOutcome::Created && ++figures.failed <= 5) {
          fleet_bench::printFailure(r);
        }
      });
  getrusage(RUSAGE_SELF, &after);
  figures.wallSeconds = static_cast<double>(summary.elapsed.count()) / 1000;
  figures.cpuSeconds = fleet_bench::cpuSeconds(after) - fleet_bench::cpuSeconds(before);
  figures.peakMiB = fleet_bench::procStatusMiB("self", "VmHWM");
  return figures;
}

std::string desiredFile(const testing_support::TempDir& dir, std::size_t partners) {
  const std::string path = dir.path("desired.jsonl");
  std::ofstream out(path, std::ios::binary);
  for (std::size_t i = 0; i < partners; ++i) {
    out << R"({"partnerTenantId":")" << fleet_bench::fleetPartnerId(i)
        << R"(","identitySynchronization":{"displayName":"Partner )" << i
        << R"(","userSyncInbound":{"isSyncAllowed":true}}})" << '\n';
  }
  return path;
}

std::size_t linesIn(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::size_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

ClientFigures runTool(const fleet_bench::World& world, const std::string& tool,
                      std::size_t partners) {
  const testing_support::TempDir dir;
  const std::string desired = desiredFile(dir, partners);
  const std::string results = desired + ".results";
  const std::string output = desired + ".out";
  const testing_support::Emulator& emulator = world.emulator;
  std::vector<std::string> args = {tool,
                                   "apply",
                                   "--desired",
                                   desired,
                                   "--results",
                                   results,
                                   "--concurrency",
                                   std::to_string(kToolConcurrency),
                                   "--quiet",
                                   "--graph-url",
                                   emulator.baseUrl(),
                                   "--login-url",
                                   emulator.baseUrl(),
                                   "--ca-file",
                                   emulator.caFile(),
                                   "--tenant",
                                   "contoso.onmicrosoft.com",
                                   "--client-id",
                                   testing_support::Emulator::kClientId,
                                   "--client-secret-env",
                                   "BENCH_SECRET"};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = testing_support::detail::spawn(
      args, actions, {"BENCH_SECRET=" + std::string(testing_support::Emulator::kSecret)});
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  ClientFigures figures;
  figures.wallSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  figures.cpuSeconds = fleet_bench::cpuSeconds(usage);
  figures.peakMiB = fleet_bench::mebibytes(usage.ru_maxrss);
  std::ifstream summary(output);
  std::string line;
  std::getline(summary, line);
  std::printf("  tool: exit %d, \"%s\", %zu result lines\n",
              WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), line.c_str(),
              linesIn(results));
  const bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  figures.failed = clean && linesIn(results) == partners ? 0 : partners;
  return figures;
}

bool runMode(const std::string& mode, const std::string& tool, std::size_t partners) {
  fleet_bench::World world({});
  const ClientFigures client =
      mode == "library" ? runLibrary(world, partners) : runTool(world, tool, partners);
  const double emulatorMiB =
      fleet_bench::procStatusMiB(std::to_string(world.emulator.daemon().pid()), "VmHWM");
  const fleet_bench::WriteCheck writes =
      fleet_bench::checkWrites(world.emulator.stats(), partners, 2);
  const auto items = static_cast<double>(partners);
  std::printf(
      "%-8s partners %zu  wall %.1f s  %.0f items/s  client CPU %.1f s = %.0f us/item  client "
      "peak RSS %.1f MiB  emulator peak RSS %.1f MiB  failed %zu  written twice %zu/%zu "
      "(fewer %zu, more %zu, other partners %zu)\n",
      mode.c_str(), partners, client.wallSeconds, items / client.wallSeconds, client.cpuSeconds,
      1e6 * client.cpuSeconds / items, client.peakMiB, emulatorMiB, client.failed, writes.exact,
      partners, writes.fewer, writes.more, writes.others);
  std::fflush(stdout);
  return client.failed == 0 && writes.exact == partners && writes.others == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fleet_scale EMULATOR TOOL [PARTNERS [library|tool...]]\n");
    return 2;
  }
  fleet_bench::emulatorPath() = argv[1];
  const std::string tool = argv[2];
  const std::size_t partners = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 100000;
  std::vector<std::string> modes(argv + std::min(argc, 4), argv + argc);
  if (modes.empty()) modes = {"library", "tool"};
  for (const auto& mode : modes) {
    if (partners == 0 || (mode != "library" && mode != "tool")) {
      std::fprintf(stderr, "fleet_scale: bad partners count or mode '%s'\n", mode.c_str());
      return 2;
    }
  }
  std::printf("before the runs: this process's RSS %.1f MiB\n",
              fleet_bench::procStatusMiB("self", "VmRSS"));
  bool ok = true;
  for (const auto& mode : modes) ok = runMode(mode, tool, partners) && ok;
  return ok ? 0 : 1;
}
