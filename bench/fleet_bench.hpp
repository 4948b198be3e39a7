// SPDX-License-Identifier: MIT
#pragma once

// What the fleet benchmarks share: the emulator of the integration tests (HTTPS with a fresh CA,
// the registered app's client secret), started from the binary whose path the runner was given,
// a fleet wired to it, a lazy source of partner ensures, and the process figures they report.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "msgraph/msgraph.hpp"

namespace fleet_bench {

/// The emulator binary, from the command line (the integration tests compile it in instead).
inline std::string& emulatorPath() {
  static std::string path;
  return path;
}

}  // namespace fleet_bench

#define MSGRAPH_EMULATOR_PATH ::fleet_bench::emulatorPath()
#include "integration/fleet_world.hpp"

namespace fleet_bench {

using testing_support::Emulator;

using testing_support::fleetPartnerId;
using World = testing_support::FleetWorld;

using EnsureSource = testing_support::FleetEnsureSource;

/// How many of partners `0` to `count - 1` the emulator wrote exactly `expected` times, fewer
/// (a failed item) and more (a duplicate write: a defect), and how many other partners it wrote
/// (all from `writesByPartner` of contoso).
struct WriteCheck {
  std::size_t exact = 0;
  std::size_t fewer = 0;
  std::size_t more = 0;
  std::size_t others = 0;
};

inline WriteCheck checkWrites(const msgraph::Json& stats, std::size_t count,
                              std::int64_t expected) {
  WriteCheck check;
  const msgraph::Json* byTenant = stats.find("writesByPartner");
  const msgraph::Json* byPartner =
      byTenant == nullptr ? nullptr : byTenant->find("contoso.onmicrosoft.com");
  std::size_t present = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const msgraph::Json* writes =
        byPartner == nullptr ? nullptr : byPartner->find(fleetPartnerId(i));
    if (writes != nullptr) ++present;
    const std::int64_t n = writes == nullptr ? 0 : writes->asInt();
    ++(n == expected ? check.exact : n < expected ? check.fewer : check.more);
  }
  check.others = (byPartner == nullptr ? 0 : byPartner->asObject().size()) - present;
  return check;
}

/// Prints to stderr why `result`'s item did not succeed: its partner, status, attempts and error.
inline void printFailure(const msgraph::FleetResult& result) {
  std::fprintf(stderr, "  item %zu (%s): status %d after %zu attempts: %s\n", result.index,
               result.partnerTenantId.c_str(), result.status, result.attempts.size(),
               result.error ? result.error->what() : "no error");
}

/// User plus system CPU time of `usage`, in seconds.
inline double cpuSeconds(const rusage& usage) {
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// `kib` KiB in MiB.
inline double mebibytes(long kib) { return static_cast<double>(kib) / 1024; }

/// A `Vm...:` figure of `/proc/PID/status` (`self` for this process) in MiB; 0 if not found.
inline double procStatusMiB(const std::string& pid, const std::string& field) {
  std::ifstream status("/proc/" + pid + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return mebibytes(std::stol(line.substr(field.size() + 1)));
  }
  return 0;
}

}  // namespace fleet_bench
