// SPDX-License-Identifier: MIT
#pragma once

// The pacing of a fleet run: every attempt of every item waits here until the quota-aware
// scheduler (or, for comparison runs, a fixed cap on requests in flight) lets it go. Loop thread
// only: no locks.
#include <cstdint>
#include <deque>
#include <functional>
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

/// Whether one item has sent a write yet, told its requests in order. A stopped run refuses the
/// requests of an item that has written nothing: the item changed nothing yet.
class ItemWrites {
 public:
  /// `wroteBefore`: an item run again, whose earlier run may have written.
  explicit ItemWrites(bool wroteBefore) noexcept : wrote_(wroteBefore) {}
  /// Whether the item had sent no write before `request`, which is noted if it is a write.
  bool nothingWrittenBefore(const HttpRequest& request) noexcept {
    const bool nothingWritten = !wrote_;
    if (request.method != HttpMethod::Get) wrote_ = true;
    return nothingWritten;
  }

 private:
  bool wrote_;
};

class FleetGate {
 public:
  /// Lets an envelope of `$batch` requests go: `pass` names it, `items` is how many requests it
  /// carries. Pass 0 with 0 items: a stop dropped every request it was to carry, and it does not
  /// go. After a cancel it may also come with a pass and 0 items: the receiver ends that pass at
  /// once (`envelopeEnded`).
  using EnvelopeAdmitted = std::function<void(std::uint64_t pass, int items)>;
  /// How many requests an envelope would carry now (1 to 20; 0 once a stop dropped them all):
  /// asked when it may go.
  using EnvelopeSize = std::function<int()>;

  /// The gate of one application and tenant: picks the scopes a request counts against. A
  /// request's attempts pass `admit`; a fleet run's `$batch` envelopes pass `admitEnvelope`.
  class TenantGate final : public AttemptGate {
   public:
    TenantGate(FleetGate& owner, ScopeSets scopes) : owner_(owner), scopes_(scopes) {}

    void admit(const HttpRequest& request, Admitted proceed) override;
    /// `admit`, for an item that has sent no write yet when `nothingWritten`: such an attempt
    /// is refused once the run stops (`refuseUnstarted`).
    void admit(const HttpRequest& request, Admitted proceed, bool nothingWritten);
    void ended(std::uint64_t pass, const HttpResponse* response) override;
    /// Calls `proceed` when an envelope of `size()` reads (or, with `writes`, writes) may go:
    /// when the scopes have the tokens of all of them, each request counting as one.
    void admitEnvelope(bool writes, EnvelopeSize size, EnvelopeAdmitted proceed);
    /// The envelope `pass` ended with `envelope` (null: no answer) and, when it was read, its
    /// requests' own answers.
    void envelopeEnded(std::uint64_t pass, const HttpResponse* envelope,
                       const std::vector<const HttpResponse*>& items);
    const ScopeSet& writes() const noexcept { return scopes_.writes; }

   private:
    FleetGate& owner_;
    ScopeSets scopes_;
  };

  /// Paces by `options` (validated: ValidationError), or, with `fixedConcurrency`, only caps the
  /// requests in flight. Timers run on `loop`, which must outlive the gate.
  FleetGate(AsyncHttpTransport& loop, const ThrottleOptions& options,
            std::optional<int> fixedConcurrency);
  ~FleetGate();
  FleetGate(const FleetGate&) = delete;
  FleetGate& operator=(const FleetGate&) = delete;

  /// The gate the requests of `applicationId` in `tenantId` carry: reads count against the
  /// pair's resource units, writes also against its writes, the tenant's and the application's.
  std::shared_ptr<TenantGate> gateFor(const std::string& applicationId,
                                      const std::string& tenantId);
  /// The gate of one item of `tenant`: the tenant's pacing, with the attempts of items that have
  /// sent a write going first; until the item has sent a write, its attempts are refused once
  /// `refuseUnstarted()` was called.
  /// `wroteBefore`: an item run again, whose earlier run may have written.
  std::shared_ptr<AttemptGate> itemGate(const std::shared_ptr<TenantGate>& tenant,
                                        bool wroteBefore);
  /// The run stops: every item that has sent no write yet (it changed nothing) is refused, its
  /// waiting attempt now, a later one when it comes; items that have sent a write go on.
  void refuseUnstarted();
  /// Admits every waiting attempt at once, and every later one as it comes: the run is
  /// cancelled, and each finds itself stopped.
  void releaseAll();
  /// Drops the wake-up timer: the run is over (on the loop thread, before the gate is destroyed
  /// elsewhere).
  void stop();
  /// The object that owns the gate: a wake-up timer that fires once it is gone (a timer already
  /// taken off the loop's list when `stop()` came) does nothing.
  void ownedBy(std::weak_ptr<const void> owner) { owner_ = std::move(owner); }

  /// HTTP requests that ended (each request of an envelope counts), and of those answered 429.
  std::uint64_t requests() const noexcept { return requests_; }
  std::uint64_t throttled() const noexcept { return throttled_; }
  /// Requests admitted and not ended (each of an envelope counts), and the cap on the round
  /// trips (requests, or envelopes) in flight now.
  int inFlight() const noexcept { return requestsInFlight_; }
  int concurrencyLimit() const noexcept;
  /// The write pace of the slowest application+tenant scope in use, per second (0 without a
  /// scheduler).
  double writesPerSecondLimit() const;
  /// The time `writes` more writes take at the quota's pace, for the scopes seen so far (the
  /// slowest); nothing without a scheduler or before the first request.
  std::optional<std::chrono::milliseconds> estimateFor(std::int64_t writes) const;

 private:
  struct Waiter {
    const ScopeSet* scopes;         // owned by a TenantGate, which the run keeps
    AttemptGate::Admitted proceed;  // an attempt's; or
    EnvelopeAdmitted envelope;      // an envelope's, of `size()` requests at most
    EnvelopeSize size;
    int items = 1;                // admitted: the requests it carries
    bool nothingWritten = false;  // an attempt of an item that has sent no write yet
  };
  class ItemGate;

  void admit(Waiter waiter);
  void ended(std::uint64_t pass, const HttpResponse* response);
  void envelopeEnded(std::uint64_t pass, const HttpResponse* envelope,
                     const std::vector<const HttpResponse*>& items);
  // Counts an admitted waiter in flight (an envelope with the requests it has now); returns its
  // pass.
  std::uint64_t countIn(Waiter& waiter);
  // Lets an admitted waiter go as `pass`.
  static void release(std::uint64_t pass, Waiter& waiter);
  // The pass's ticket, taken off the list: its round trip ended.
  std::optional<Ticket> ticketOf(std::uint64_t pass);
  // Lets go every waiter that may go now, in order; arms the timer for the earliest other.
  void pump();
  void armTimer(SchedulerTime at);

  AsyncHttpTransport& loop_;
  std::optional<QuotaScheduler> scheduler_;  // unset: a fixed cap
  int fixedCap_ = 0;
  std::deque<Waiter> waiting_;
  std::unordered_map<std::uint64_t, Ticket> tickets_;     // by pass, while in flight
  std::unordered_map<std::uint64_t, int> envelopeItems_;  // by pass, while in flight
  std::vector<std::shared_ptr<TenantGate>> gates_;
  std::uint64_t nextPass_ = 0;
  std::uint64_t requests_ = 0;
  std::uint64_t throttled_ = 0;
  int inFlight_ = 0;  // round trips
  int requestsInFlight_ = 0;
  AsyncHttpTransport::TimerId timer_ = 0;
  SchedulerTime timerAt_{};
  bool stopped_ = false;
  bool released_ = false;           // releaseAll() was called
  bool refusingUnstarted_ = false;  // refuseUnstarted() was called
  std::weak_ptr<const void> owner_;
};

}  // namespace msgraph::detail
