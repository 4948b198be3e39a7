// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "msgraph/pipeline/throttle_options.hpp"
#include "pipeline/concurrency_limiter.hpp"
#include "pipeline/scope_limiter.hpp"
#include "pipeline/throttle_scope.hpp"
#include "pipeline/throttle_signals.hpp"
#include "pipeline/token_bucket.hpp"

namespace msgraph::detail {

/// The scopes of one application and tenant: what a write counts against (its writes, the
/// tenant's and the application's writes, and the resource units of both), and what a read does.
struct ScopeSets {
  ScopeSet writes;
  ScopeSet reads;
};

/// One admitted request, handed back to `QuotaScheduler::onComplete` when it ends.
struct Ticket {
  ScopeSet scopes;
  double cost = 1;
  SchedulerTime sentAt{};
};

/// The scheduler's answer to "may this request go now?".
struct Admission {
  enum class Verdict {
    Go,           ///< send now; `ticket` is set
    WaitUntil,    ///< a scope is paused or short of tokens: ask again at `notBefore`
    WaitForRoom,  ///< the concurrency cap is reached: ask again when a request ends
  };
  Verdict verdict = Verdict::Go;
  SchedulerTime notBefore{};
  Ticket ticket;
};

/// The quota-aware scheduler: owns the pace (one `ScopeLimiter` per throttle scope) and the
/// concurrency (one `ConcurrencyLimiter`) of a run, so that requests go out as fast as Graph's
/// quotas allow and no faster, and nothing queues in the transport.
///
/// Pure logic on an injected clock: every call takes `now` (monotonic: never earlier than the
/// `now` of a previous call) and nothing here reads a clock, sleeps or starts a thread. One thread
/// uses it (the engine's loop thread): no locks.
class QuotaScheduler {
 public:
  /// @throws ValidationError naming the field of `options` that is out of range.
  explicit QuotaScheduler(const ThrottleOptions& options);

  /// The scopes of `applicationId` and `tenantId`, made at `now` the first time they are asked
  /// for. Looks them up by name: call it once per application and tenant and keep the result.
  ScopeSets scopesOf(std::string_view applicationId, std::string_view tenantId, SchedulerTime now);

  /// Admits a request that counts `cost` units (1, or the items of a `$batch`) against each of
  /// `scopes` if every scope has them and the concurrency cap has room; admitting takes them.
  Admission tryAcquire(const ScopeSet& scopes, SchedulerTime now, double cost = 1);
  /// Ends an admitted request with what its answer said (`signals.status` 0: no answer).
  void onComplete(const Ticket& ticket, const ThrottleSignals& signals, SchedulerTime now);
  /// Ends an admitted envelope: the round trip for the concurrency cap, then what each of its
  /// requests' answers said (`items`), as each request's own would; without item answers (the
  /// envelope failed), what the envelope's answer said.
  void onEnvelopeComplete(const Ticket& ticket, const ThrottleSignals& envelope,
                          const std::vector<ThrottleSignals>& items, SchedulerTime now);

  /// The earliest time `writes` more writes against `writeScopes` can be done at the quota's
  /// pace (the ceiling, not the momentary rate), counting any pause and the tokens at hand.
  std::chrono::milliseconds estimateFor(std::int64_t writes, const ScopeSet& writeScopes,
                                        SchedulerTime now) const;
  /// Every scope's figures, for a progress display (a copy; not for every request).
  std::vector<ScopeStatus> scopeStatus(SchedulerTime now) const;
  ConcurrencyStatus concurrency() const noexcept { return concurrency_.status(); }
  const ThrottleOptions& options() const noexcept { return options_; }

 private:
  std::uint32_t scopeId(ThrottleScopeKind kind, std::string_view applicationId,
                        std::string_view tenantId, SchedulerTime now);
  // The scope a throttle signal is about: the one `x-ms-throttle-scope` names, else the
  // narrowest (never a wider one: that would stop other tenants for one tenant's 429).
  std::uint32_t signalledScope(const ScopeSet& scopes,
                               std::optional<ThrottleScopeKind> named) const noexcept;
  // What one answer says of the quota, for the scopes of `ticket`.
  void learn(const Ticket& ticket, const ThrottleSignals& signals, SchedulerTime now);

  ThrottleOptions options_;
  std::vector<ScopeLimiter> limiters_;
  std::map<ThrottleScope, std::uint32_t> ids_;
  ConcurrencyLimiter concurrency_;
};

}  // namespace msgraph::detail
