// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "msgraph/json/json.hpp"
#include "throttling/throttle_clock.hpp"
#include "throttling/throttle_options.hpp"
#include "throttling/token_bucket.hpp"

namespace emulator {

/// The limits a request can meet: Graph's identity and access quotas per application+tenant
/// pair (writes, and reads as ResourceUnits of cost 1) and per tenant (writes).
enum class ThrottleScope { AppTenantWrites, AppTenantReads, TenantWrites };
/// How many values ThrottleScope has.
constexpr std::size_t kThrottleScopes = 3;

/// `<Scope>/<Limit>` of `x-ms-throttle-scope` for `scope`: `Tenant_Application/Write`,
/// `Tenant_Application/Read` or `Tenant/Write`.
std::string_view scopeName(ThrottleScope scope);

/// What the throttler made of one request.
struct ThrottleVerdict {
  /// Whether any limit applied to it (with none, the other members say nothing).
  bool metered = false;
  /// Whether a limit refused it.
  bool throttled = false;
  /// The limit that refused it; of several, the one that frees last.
  ThrottleScope scope = ThrottleScope::AppTenantWrites;
  /// Microseconds until every limit that applied has a token again.
  std::int64_t retryAfterMicros = 0;
  /// The highest use, in hundredths, among the limits that applied (see TokenBucket::Take).
  std::int64_t useHundredths = 0;
};

/// The token buckets of the `--throttle-*` flags, created on first use for each application
/// and tenant (as the caller's token names them), and the count of refusals by scope.
/// Thread-safe behind one mutex: a request holds it for two map lookups and some integer
/// arithmetic, and allocates only the first time it meets a new app or tenant.
class Throttler {
 public:
  Throttler(const ThrottleOptions& options, const ThrottleClock& clock);

  /// Whether any limit is set; without one, admit() need not be called.
  bool enabled() const { return options_.any(); }

  /// Meters one request of `appId` in `tenantId` (a write, or a read) against every limit that
  /// applies, taking a token from each whether or not the request is let through.
  ThrottleVerdict admit(bool write, std::string_view appId, std::string_view tenantId);

  /// `{"Tenant_Application/Write":n,"Tenant_Application/Read":n,"Tenant/Write":n}`: the
  /// requests refused so far, each under the scope its 429 named.
  msgraph::Json refusalsJson() const;

 private:
  struct AppTenant {
    std::string app;
    std::string tenant;
  };
  // Orders keys and (app, tenant) views alike, so that a lookup builds no string.
  struct AppTenantLess {
    using is_transparent = void;
    using View = std::pair<std::string_view, std::string_view>;
    static View view(const AppTenant& key) { return {key.app, key.tenant}; }
    static View view(const View& key) { return key; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return view(a) < view(b);
    }
  };
  struct AppTenantBuckets {
    std::optional<TokenBucket> writes;
    std::optional<TokenBucket> reads;
  };

  AppTenantBuckets& appTenantBuckets(std::string_view appId, std::string_view tenantId);
  TokenBucket& tenantBucket(std::string_view tenantId, std::int64_t now);

  ThrottleOptions options_;
  const ThrottleClock& clock_;
  mutable std::mutex mutex_;
  std::map<AppTenant, AppTenantBuckets, AppTenantLess> appTenants_;
  std::map<std::string, TokenBucket, std::less<>> tenants_;
  std::array<std::uint64_t, kThrottleScopes> refusals_{};
};

}  // namespace emulator
