// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>

namespace emulator {

/// A quota of `requests` per `seconds`, as `--throttle-writes 200/10` gives it.
struct ThrottleLimit {
  std::uint32_t requests = 0;
  std::uint32_t seconds = 0;
};

/// The largest N and SECONDS of a `--throttle-*` flag: they keep the bucket's integer
/// arithmetic (see TokenBucket) well inside 64 bits.
inline constexpr std::uint32_t kMaxThrottleRequests = 1000000;
inline constexpr std::uint32_t kMaxThrottleSeconds = 86400;

/// The `--throttle-*` flags. A limit left empty is not enforced; with none, nothing is metered.
struct ThrottleOptions {
  std::optional<ThrottleLimit> appTenantWrites;  // --throttle-writes
  std::optional<ThrottleLimit> appTenantReads;   // --throttle-reads
  std::optional<ThrottleLimit> tenantWrites;     // --throttle-tenant-writes

  /// Whether any limit is set.
  bool any() const { return appTenantWrites || appTenantReads || tenantWrites; }
};

}  // namespace emulator
