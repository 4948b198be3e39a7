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

// The gate of one application and tenant: picks the scopes a request counts against.
class FleetGate::TenantGate final : public AttemptGate {
 public:
  TenantGate(FleetGate& owner, ScopeSets scopes) : owner_(owner), scopes_(scopes) {}

  void admit(const HttpRequest& request, Admitted proceed) override {
    admit(request, std::move(proceed), false);
  }
  void admit(const HttpRequest& request, Admitted proceed, bool nothingWritten) {
    owner_.admit(request.method == HttpMethod::Get ? scopes_.reads : scopes_.writes,
                 std::move(proceed), nothingWritten);
  }
  void ended(std::uint64_t pass, const HttpResponse* response) override {
    owner_.ended(pass, response);
  }
  const ScopeSet& writes() const noexcept { return scopes_.writes; }

 private:
  FleetGate& owner_;
  ScopeSets scopes_;
};

// The gate of one item: its tenant's, knowing whether the item has sent a write yet (until then
// it has changed nothing, and a run that stops may drop it).
class FleetGate::ItemGate final : public AttemptGate {
 public:
  explicit ItemGate(std::shared_ptr<TenantGate> tenant) : tenant_(std::move(tenant)) {}

  void admit(const HttpRequest& request, Admitted proceed) override {
    const bool nothingWritten = !wroteBefore_;
    if (request.method != HttpMethod::Get) wroteBefore_ = true;
    tenant_->admit(request, std::move(proceed), nothingWritten);
  }
  void ended(std::uint64_t pass, const HttpResponse* response) override {
    tenant_->ended(pass, response);
  }

 private:
  std::shared_ptr<TenantGate> tenant_;
  bool wroteBefore_ = false;
};

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

std::shared_ptr<AttemptGate> FleetGate::gateFor(const std::string& applicationId,
                                                const std::string& tenantId) {
  const ScopeSets scopes =
      scheduler_ ? scheduler_->scopesOf(applicationId, tenantId, now()) : ScopeSets{};
  gates_.push_back(std::make_shared<TenantGate>(*this, scopes));
  return gates_.back();
}

std::shared_ptr<AttemptGate> FleetGate::itemGate(const std::shared_ptr<AttemptGate>& tenant) {
  return std::make_shared<ItemGate>(std::static_pointer_cast<TenantGate>(tenant));
}

void FleetGate::admit(const ScopeSet& scopes, AttemptGate::Admitted proceed, bool nothingWritten) {
  if (nothingWritten && refusingUnstarted_) return proceed(AttemptGate::kRefused);
  waiting_.push_back(Waiter{&scopes, std::move(proceed), nothingWritten});
  pump();
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

void FleetGate::ended(std::uint64_t pass, const HttpResponse* response) {
  --inFlight_;
  ++requests_;
  const int status = response != nullptr ? response->status : 0;
  if (status == 429) ++throttled_;
  if (scheduler_) {
    auto ticket = tickets_.find(pass);
    if (ticket != tickets_.end()) {
      ThrottleSignals signals;
      if (response != nullptr) {
        signals = throttleSignalsOf(*response, std::chrono::system_clock::now());
      }
      scheduler_->onComplete(ticket->second, signals, now());
      tickets_.erase(ticket);
    }
  }
  pump();
}

void FleetGate::releaseAll() {
  std::deque<Waiter> all;
  all.swap(waiting_);
  for (Waiter& waiter : all) {
    ++inFlight_;
    waiter.proceed(++nextPass_);  // no ticket: the scheduler never admitted it
  }
}

void FleetGate::pump() {
  // Collected first and called after: a proceed may start a request that comes back here.
  std::vector<std::pair<std::uint64_t, AttemptGate::Admitted>> admitted;
  const SchedulerTime at = now();
  std::optional<SchedulerTime> earliest;
  for (auto waiter = waiting_.begin(); waiter != waiting_.end();) {
    if (!scheduler_) {
      if (inFlight_ >= fixedCap_) break;
    } else {
      Admission admission = scheduler_->tryAcquire(*waiter->scopes, at);
      if (admission.verdict == Admission::Verdict::WaitForRoom) break;  // room frees on an end
      if (admission.verdict == Admission::Verdict::WaitUntil) {
        // Another scope (another tenant's) may have tokens: look further down the queue.
        earliest = earliest ? std::min(*earliest, admission.notBefore) : admission.notBefore;
        ++waiter;
        continue;
      }
      tickets_.emplace(nextPass_ + 1, admission.ticket);
    }
    ++inFlight_;
    admitted.emplace_back(++nextPass_, std::move(waiter->proceed));
    waiter = waiting_.erase(waiter);
  }
  if (earliest) armTimer(*earliest);
  for (auto& [pass, proceed] : admitted) proceed(pass);
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
