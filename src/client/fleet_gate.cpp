// SPDX-License-Identifier: MIT
#include "client/fleet_gate.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "msgraph/error.hpp"
#include "pipeline/throttle_signals.hpp"

namespace msgraph::detail {

namespace {

SchedulerTime now() { return std::chrono::steady_clock::now(); }

}  // namespace

void FleetGate::TenantGate::admit(const HttpRequest& request, Admitted proceed) {
  admit(request, std::move(proceed), false);
}

void FleetGate::TenantGate::admit(const HttpRequest& request, Admitted proceed,
                                  bool nothingWritten) {
  Waiter waiter;
  waiter.scopes = request.method == HttpMethod::Get ? &scopes_.reads : &scopes_.writes;
  waiter.proceed = std::move(proceed);
  waiter.nothingWritten = nothingWritten;
  owner_.admit(std::move(waiter));
}

// The gate of one item: its tenant's, knowing whether the item has sent a write yet (until then
// it has changed nothing, and a run that stops may drop it).
class FleetGate::ItemGate final : public AttemptGate {
 public:
  ItemGate(std::shared_ptr<TenantGate> tenant, bool wroteBefore)
      : tenant_(std::move(tenant)), writes_(wroteBefore) {}

  void admit(const HttpRequest& request, Admitted proceed) override {
    tenant_->admit(request, std::move(proceed), writes_.nothingWrittenBefore(request));
  }
  void ended(std::uint64_t pass, const HttpResponse* response) override {
    tenant_->ended(pass, response);
  }

 private:
  std::shared_ptr<TenantGate> tenant_;
  ItemWrites writes_;
};

void FleetGate::TenantGate::ended(std::uint64_t pass, const HttpResponse* response) {
  owner_.ended(pass, response);
}

void FleetGate::TenantGate::admitEnvelope(bool writes, EnvelopeSize size,
                                          EnvelopeAdmitted proceed) {
  Waiter waiter;
  waiter.scopes = writes ? &scopes_.writes : &scopes_.reads;
  waiter.envelope = std::move(proceed);
  waiter.size = std::move(size);
  owner_.admit(std::move(waiter));
}

void FleetGate::TenantGate::envelopeEnded(std::uint64_t pass, const HttpResponse* envelope,
                                          const std::vector<const HttpResponse*>& items) {
  owner_.envelopeEnded(pass, envelope, items);
}

FleetGate::FleetGate(AsyncHttpTransport& loop, const ThrottleOptions& options,
                     std::optional<int> fixedConcurrency)
    : loop_(loop) {
  if (fixedConcurrency) {
    fixedCap_ = *fixedConcurrency;  // at least 1: FleetOptions are checked by Fleet
  } else {
    scheduler_.emplace(options);
  }
}

FleetGate::~FleetGate() = default;

void FleetGate::stop() {
  stopped_ = true;
  if (timer_ != 0) loop_.cancelTimer(timer_);
  timer_ = 0;
}

std::shared_ptr<FleetGate::TenantGate> FleetGate::gateFor(const std::string& applicationId,
                                                          const std::string& tenantId) {
  const ScopeSets scopes =
      scheduler_ ? scheduler_->scopesOf(applicationId, tenantId, now()) : ScopeSets{};
  gates_.push_back(std::make_shared<TenantGate>(*this, scopes));
  return gates_.back();
}

std::shared_ptr<AttemptGate> FleetGate::itemGate(const std::shared_ptr<TenantGate>& tenant,
                                                 bool wroteBefore) {
  return std::make_shared<ItemGate>(tenant, wroteBefore);
}

void FleetGate::refuseUnstarted() {
  refusingUnstarted_ = true;
  std::vector<AttemptGate::Admitted> refused;  // called after: each may come back here
  for (auto waiter = waiting_.begin(); waiter != waiting_.end();) {
    if (!waiter->nothingWritten) {
      ++waiter;
      continue;
    }
    refused.push_back(std::move(waiter->proceed));
    waiter = waiting_.erase(waiter);
  }
  for (auto& proceed : refused) proceed(AttemptGate::kRefused);
}

void FleetGate::admit(Waiter waiter) {
  if (waiter.nothingWritten && refusingUnstarted_) return waiter.proceed(AttemptGate::kRefused);
  // After a cancel, whatever comes (an envelope asked for just before) goes at once, to find
  // itself stopped.
  if (released_) return release(countIn(waiter), waiter);
  // The items under way go before those that have written nothing yet: each item finishes as
  // soon as the quota allows (its result out, no partner left half-written for long), and a
  // stop finds as little as possible under way.
  auto place = waiting_.end();
  if (!waiter.nothingWritten) {
    place = std::find_if(waiting_.begin(), waiting_.end(),
                         [](const Waiter& queued) { return queued.nothingWritten; });
  }
  waiting_.insert(place, std::move(waiter));
  pump();
}

std::optional<Ticket> FleetGate::ticketOf(std::uint64_t pass) {
  auto ticket = tickets_.find(pass);
  if (ticket == tickets_.end()) return std::nullopt;  // no scheduler, or released by a cancel
  Ticket taken = ticket->second;
  tickets_.erase(ticket);
  return taken;
}

void FleetGate::ended(std::uint64_t pass, const HttpResponse* response) {
  --inFlight_;
  --requestsInFlight_;
  ++requests_;
  if (response != nullptr && response->status == 429) ++throttled_;
  if (std::optional<Ticket> ticket = ticketOf(pass)) {
    ThrottleSignals signals;
    if (response != nullptr) {
      signals = throttleSignalsOf(*response, std::chrono::system_clock::now());
    }
    scheduler_->onComplete(*ticket, signals, now());
  }
  pump();
}

void FleetGate::envelopeEnded(std::uint64_t pass, const HttpResponse* envelope,
                              const std::vector<const HttpResponse*>& items) {
  --inFlight_;
  const auto carried = envelopeItems_.find(pass);
  const int count = carried != envelopeItems_.end() ? carried->second : 0;
  if (carried != envelopeItems_.end()) envelopeItems_.erase(carried);
  requestsInFlight_ -= count;
  requests_ += static_cast<std::uint64_t>(count);
  // Throttled: each request answered 429, or all of them when the envelope itself was.
  const bool envelopeThrottled = envelope != nullptr && envelope->status == 429;
  if (items.empty() && envelopeThrottled) throttled_ += static_cast<std::uint64_t>(count);
  for (const HttpResponse* item : items) throttled_ += item->status == 429 ? 1 : 0;
  if (std::optional<Ticket> ticket = ticketOf(pass)) {
    const auto wallClock = std::chrono::system_clock::now();
    ThrottleSignals signals;
    if (envelope != nullptr) signals = throttleSignalsOf(*envelope, wallClock);
    std::vector<ThrottleSignals> answers;
    answers.reserve(items.size());
    for (const HttpResponse* item : items) answers.push_back(throttleSignalsOf(*item, wallClock));
    scheduler_->onEnvelopeComplete(*ticket, signals, answers, now());
  }
  pump();
}

std::uint64_t FleetGate::countIn(Waiter& waiter) {
  waiter.items = waiter.size ? waiter.size() : 1;
  ++inFlight_;
  requestsInFlight_ += waiter.items;
  ++nextPass_;
  if (waiter.envelope) envelopeItems_.emplace(nextPass_, waiter.items);
  return nextPass_;
}

void FleetGate::release(std::uint64_t pass, Waiter& waiter) {
  if (waiter.envelope) return waiter.envelope(pass, waiter.items);
  waiter.proceed(pass);
}

void FleetGate::releaseAll() {
  released_ = true;
  std::deque<Waiter> all;
  all.swap(waiting_);
  for (Waiter& waiter : all) release(countIn(waiter), waiter);  // no ticket
}

void FleetGate::pump() {
  // Collected first and released after: a proceed may start a request that comes back here.
  std::vector<std::pair<std::uint64_t, Waiter>> admitted;
  const SchedulerTime at = now();
  std::optional<SchedulerTime> earliest;
  for (auto waiter = waiting_.begin(); waiter != waiting_.end();) {
    const int items = waiter->size ? waiter->size() : 1;
    if (items == 0) {  // an envelope whose requests a stop dropped: it does not go
      waiter->items = 0;
      admitted.emplace_back(0, std::move(*waiter));
      waiter = waiting_.erase(waiter);
      continue;
    }
    if (!scheduler_) {
      if (inFlight_ >= fixedCap_) break;
    } else {
      // An envelope waits for the tokens of all its requests: the pace is the same as taking
      // fewer at a time, in fewer round trips.
      Admission admission = scheduler_->tryAcquire(*waiter->scopes, at, items);
      if (admission.verdict == Admission::Verdict::WaitForRoom) break;  // room frees on an end
      if (admission.verdict == Admission::Verdict::WaitUntil) {
        // Another scope (another tenant's) may have tokens: look further down the queue.
        earliest = earliest ? std::min(*earliest, admission.notBefore) : admission.notBefore;
        ++waiter;
        continue;
      }
      tickets_.emplace(nextPass_ + 1, admission.ticket);
    }
    const std::uint64_t pass = countIn(*waiter);
    admitted.emplace_back(pass, std::move(*waiter));
    waiter = waiting_.erase(waiter);
  }
  if (earliest) armTimer(*earliest);
  for (auto& [pass, waiter] : admitted) release(pass, waiter);
}

void FleetGate::armTimer(SchedulerTime at) {
  if (timer_ != 0) {
    if (timerAt_ <= at) return;  // an earlier wake-up is set already
    loop_.cancelTimer(timer_);
  }
  timerAt_ = at;
  const auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(at - now()) +
                     std::chrono::milliseconds(1);  // never early: the token is there then
  timer_ = loop_.schedule(std::max(delay, std::chrono::milliseconds(1)), [this, owner = owner_] {
    const auto alive = owner.lock();  // held for the call: the gate cannot go meanwhile
    if (alive == nullptr || stopped_) return;
    timer_ = 0;
    pump();
  });
}

int FleetGate::concurrencyLimit() const noexcept {
  return scheduler_ ? scheduler_->concurrency().cap : fixedCap_;
}

double FleetGate::writesPerSecondLimit() const {
  if (!scheduler_) return 0;
  double slowest = 0;
  for (const ScopeStatus& status : scheduler_->scopeStatus(now())) {
    if (status.scope.kind != ThrottleScopeKind::ApplicationTenantWrites) continue;
    if (slowest == 0 || status.ratePerSecond < slowest) slowest = status.ratePerSecond;
  }
  return slowest;
}

std::optional<std::chrono::milliseconds> FleetGate::estimateFor(std::int64_t writes) const {
  if (!scheduler_ || gates_.empty()) return std::nullopt;
  // Items spread over the tenants in use, each at its own pace: the slowest pair's time for its
  // share. Exact for one tenant; for many, a forecast that assumes an even spread.
  const auto tenants = static_cast<std::int64_t>(gates_.size());
  const std::int64_t share = (writes + tenants - 1) / tenants;
  std::chrono::milliseconds longest{0};
  for (const auto& gate : gates_) {
    longest = std::max(longest, scheduler_->estimateFor(share, gate->writes(), now()));
  }
  return longest;
}

}  // namespace msgraph::detail
