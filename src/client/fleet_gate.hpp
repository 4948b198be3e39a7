// SPDX-License-Identifier: MIT
#pragma once

// The pacing of a fleet run: every attempt of every item waits here until the quota-aware
// scheduler (or, for comparison runs, a fixed cap on requests in flight) lets it go. Loop thread
// only: no locks.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "msgraph/http/async_http_transport.hpp"
#include "msgraph/pipeline/throttle_options.hpp"
#include "pipeline/attempt_gate.hpp"
#include "pipeline/quota_scheduler.hpp"

namespace msgraph::detail {

class FleetGate {
 public:
  /// Paces by `options` (validated: ValidationError), or, with `fixedConcurrency`, only caps the
  /// requests in flight. Timers run on `loop`, which must outlive the gate.
  FleetGate(AsyncHttpTransport& loop, const ThrottleOptions& options,
            std::optional<int> fixedConcurrency);
  ~FleetGate();
  FleetGate(const FleetGate&) = delete;
  FleetGate& operator=(const FleetGate&) = delete;

  /// The gate the requests of `applicationId` in `tenantId` carry: reads count against the
  /// pair's resource units, writes also against its writes, the tenant's and the application's.
  std::shared_ptr<AttemptGate> gateFor(const std::string& applicationId,
                                       const std::string& tenantId);
  /// The gate of one item of `tenant` (a gate from `gateFor`): the tenant's pacing; until the
  /// item has sent a write, its attempts are refused once `refuseUnstarted()` was called.
  std::shared_ptr<AttemptGate> itemGate(const std::shared_ptr<AttemptGate>& tenant);
  /// The run stops: every item that has sent no write yet (it changed nothing) is refused, its
  /// waiting attempt now, a later one when it comes; items that have sent a write go on.
  void refuseUnstarted();
  /// Admits every waiting attempt at once: the run is cancelled, and each finds itself stopped.
  void releaseAll();
  /// Drops the wake-up timer: the run is over (on the loop thread, before the gate is destroyed
  /// elsewhere).
  void stop();
  /// The object that owns the gate: a wake-up timer that fires once it is gone (a timer already
  /// taken off the loop's list when `stop()` came) does nothing.
  void ownedBy(std::weak_ptr<const void> owner) { owner_ = std::move(owner); }

  /// HTTP requests that ended, and of those answered 429.
  std::uint64_t requests() const noexcept { return requests_; }
  std::uint64_t throttled() const noexcept { return throttled_; }
  /// Attempts admitted and not ended, and the cap on them now.
  int inFlight() const noexcept { return inFlight_; }
  int concurrencyLimit() const noexcept;
  /// The write pace of the slowest application+tenant scope in use, per second (0 without a
  /// scheduler).
  double writesPerSecondLimit() const;
  /// The time `writes` more writes take at the quota's pace, for the scopes seen so far (the
  /// slowest); nothing without a scheduler or before the first request.
  std::optional<std::chrono::milliseconds> estimateFor(std::int64_t writes) const;

 private:
  class TenantGate;
  class ItemGate;
  struct Waiter {
    const ScopeSet* scopes;  // owned by a TenantGate, which the run keeps
    AttemptGate::Admitted proceed;
    bool nothingWritten;  // the item has sent no write yet
  };

  void admit(const ScopeSet& scopes, AttemptGate::Admitted proceed, bool nothingWritten);
  void ended(std::uint64_t pass, const HttpResponse* response);
  // Lets go every waiter that may go now, in order; arms the timer for the earliest other.
  void pump();
  void armTimer(SchedulerTime at);

  AsyncHttpTransport& loop_;
  std::optional<QuotaScheduler> scheduler_;  // unset: a fixed cap
  int fixedCap_ = 0;
  std::deque<Waiter> waiting_;
  std::unordered_map<std::uint64_t, Ticket> tickets_;  // by pass, while in flight
  std::vector<std::shared_ptr<TenantGate>> gates_;
  std::uint64_t nextPass_ = 0;
  std::uint64_t requests_ = 0;
  std::uint64_t throttled_ = 0;
  int inFlight_ = 0;
  AsyncHttpTransport::TimerId timer_ = 0;
  SchedulerTime timerAt_{};
  bool stopped_ = false;
  bool refusingUnstarted_ = false;
  std::weak_ptr<const void> owner_;
};

}  // namespace msgraph::detail
