// SPDX-License-Identifier: MIT
#include "client/fleet_run.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "client/client_access.hpp"
#include "client/fleet_items.hpp"
#include "msgraph/requests/cross_tenant_access_policy_request_builder.hpp"
#include "msgraph/requests/partner_request_builder.hpp"
#include "msgraph/requests/partners_request_builder.hpp"
#include "msgraph/requests/policies_request_builder.hpp"
#include "requests/request_core_access.hpp"

namespace msgraph::detail {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kWatchInterval{20};
constexpr int kFleetMaxRetries = 10;  // the most RetryOptions allows
constexpr int kMaxReruns = 2;         // of an item whose write went unanswered

// Items beyond the requests in flight wait at the gate, so that a request is ready whenever
// room frees, and another tenant's items can pass one whose scope is paused. In `$batch` mode
// each round trip in flight carries up to a batch of them.
std::size_t maxActiveOf(const FleetOptions& options) {
  const int cap =
      options.fixedConcurrency ? *options.fixedConcurrency : options.throttle.maxConcurrency;
  return static_cast<std::size_t>(
      std::max(64, 4 * std::max(cap, 1) * options.batchSize.value_or(1)));
}

milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

}  // namespace

FleetRun::FleetRun(const FleetOptions& options, const Fleet::Source& source,
                   const Fleet::Sink& sink, const FleetControl* control)
    : options_(options),
      source_(source),
      sink_(sink),
      control_(control),
      loop_(*options.transport),
      gate_(*options.transport, options.throttle, options.fixedConcurrency),
      maxActive_(maxActiveOf(options)) {}

FleetSummary FleetRun::runAndWait() {
  if (loop_.isLoopThread()) {
    throw ValidationError("Fleet::run", "must not be called on the transport's loop thread");
  }
  loop_.post([self = shared_from_this()] { self->start(); });
  {
    std::unique_lock<std::mutex> lock(mutex_);
    doneSignal_.wait(lock, [this] { return done_; });
  }
  // A barrier on the loop: the completion that ended the run, and every closure that holds the
  // run or a tenant's client, has returned and been dropped once this task runs. So the run
  // and the clients go on this thread, never on the loop thread (whose last pipeline would hand
  // the transport to a detached thread that a process may outlive).
  std::mutex barrierMutex;
  std::condition_variable barrierSignal;
  bool passed = false;
  loop_.post([&] {
    std::lock_guard<std::mutex> lock(barrierMutex);
    passed = true;
    barrierSignal.notify_all();
  });
  std::unique_lock<std::mutex> lock(barrierMutex);
  barrierSignal.wait(lock, [&] { return passed; });
  if (failure_) std::rethrow_exception(failure_);
  return summary_;
}

void FleetRun::start() {
  gate_.ownedBy(weak_from_this());
  startedAt_ = lastProgress_ = Clock::now();
  watch();
  fill();
}

void FleetRun::fill() {
  if (filling_) return;  // an item that ended at once, inside launch(): the loop below goes on
  filling_ = true;
  while (!stopping_ && !sourceDry_ && active_ < maxActive_) {
    std::optional<FleetItem> item;
    try {
      item = source_();
    } catch (...) {
      fail(std::current_exception());
      break;
    }
    if (!item) {
      sourceDry_ = true;
      break;
    }
    launch(next_++, std::move(*item));
  }
  filling_ = false;
  finishIfDone();
}

const FleetRun::Tenant& FleetRun::tenantNamed(const std::string& name) {
  auto found = tenants_.find(name);
  if (found != tenants_.end()) return found->second;
  Tenant tenant;
  tenant.tenant = options_.tenant(name);
  if (tenant.tenant && tenant.tenant->client.options().asyncTransport() == options_.transport) {
    tenant.gate = gate_.gateFor(tenant.tenant->applicationId, tenant.tenant->tenantId);
    if (options_.batchSize) {
      tenant.batcher = std::make_shared<FleetBatcher>(
          loop_, tenant.gate, ClientAccess::adapter(tenant.tenant->client), *options_.batchSize);
    }
  }
  return tenants_.emplace(name, std::move(tenant)).first->second;
}

void FleetRun::launch(std::size_t index, FleetItem item) {
  ++active_;
  ++summary_.started;
  FleetResult result = resultFor(index, item);
  send(std::move(item), std::move(result), {}, 0);
}

// A write that went unanswered, on a kept-alive connection the server had just closed say, is
// not sent again by the pipeline (the server may have acted on it). The item as a whole may run
// again: every action is safe to repeat (an ensure reads before it writes, a removal takes
// absent as done), so a write that had landed is not made twice.
bool FleetRun::mayRunAgain(const FleetResult& ended, int reruns) const {
  if (ended.outcome != FleetOutcome::Failed || reruns >= kMaxReruns || stopping_ ||
      ended.action == FleetAction::GetPolicy) {  // a read's retries are the pipeline's own
    return false;
  }
  const auto* failure = dynamic_cast<const TransportError*>(ended.error.get());
  return failure != nullptr && !failure->gotResponse() &&
         (failure->kind() == TransportError::Kind::Send ||
          failure->kind() == TransportError::Kind::Receive);
}

void FleetRun::send(FleetItem item, FleetResult result, std::vector<Attempt> before, int reruns) {
  try {
    const Tenant& tenant = tenantNamed(item.tenant);
    if (tenant.tenant == nullptr) {
      throw ValidationError("FleetItem.tenant", "names a tenant the run cannot sign in to");
    }
    if (tenant.gate == nullptr) {
      throw ValidationError("FleetTenant.client",
                            "must use the run's transport (ClientOptions::asyncTransport)");
    }
    RetryOptions retry = tenant.tenant->client.options().retry();
    retry.maxRetries = kFleetMaxRetries;
    // In `$batch` mode the item's requests ride in envelopes, which pass the gate.
    std::shared_ptr<AttemptGate> gate;
    std::shared_ptr<AttemptCarrier> carrier;
    if (tenant.batcher != nullptr) {
      carrier = tenant.batcher->carrierFor(std::to_string(result.index), reruns > 0);
    } else {
      gate = gate_.itemGate(tenant.gate, reruns > 0);  // a run again may follow a write
    }
    const ItemCall call{tenant.tenant->client,      std::move(gate),
                        std::move(carrier),         cancellation_,
                        options_.throttle.priority, std::move(retry)};
    std::optional<FleetItem> again;
    if (reruns < kMaxReruns) again = item;
    startItem(call, std::move(item), std::move(result),
              [self = shared_from_this(), again = std::move(again), before = std::move(before),
               reruns](FleetResult ended) mutable {
                ended.attempts.insert(ended.attempts.begin(), before.begin(), before.end());
                if (!again || !self->mayRunAgain(ended, reruns)) {
                  return self->report(std::move(ended));
                }
                FleetResult fresh = resultFor(ended.index, *again);
                self->send(std::move(*again), std::move(fresh), std::move(ended.attempts),
                           reruns + 1);
              });
  } catch (const ValidationError& error) {  // the item cannot be sent: nothing was
    result.outcome = FleetOutcome::Failed;
    result.error = std::make_shared<ValidationError>(error);
    report(std::move(result));
  } catch (...) {  // a tenant callback that threw: the run cannot go on
    fail(std::current_exception());
    report(std::move(result));
  }
}

void FleetRun::report(FleetResult result) {
  --active_;
  switch (result.outcome) {
    case FleetOutcome::Failed:
      ++summary_.failed;
      break;
    case FleetOutcome::Cancelled:
      ++summary_.cancelled;
      break;
    default:
      ++summary_.succeeded;
  }
  try {
    sink_(result);
  } catch (...) {
    fail(std::current_exception());
  }
  fill();
}

void FleetRun::watch() {
  if (control_ != nullptr && control_->stopped() && !stopping_) {
    stopping_ = true;
    summary_.stopped = true;
    // Items that have written nothing end as Cancelled, at the gate or waiting for an envelope.
    for (auto& named : tenants_) {
      if (named.second.batcher != nullptr) named.second.batcher->refuseUnstarted();
    }
    gate_.refuseUnstarted();
  }
  if (control_ != nullptr && control_->cancelled() && !cancelled_) {
    cancelled_ = true;
    cancellation_.cancel();
    gate_.releaseAll();  // every waiting item may end here, and the run with them
  }
  if (finished_) return;
  if (options_.progress && since(lastProgress_) >= options_.progressInterval) progress();
  watchTimer_ = loop_.schedule(kWatchInterval, [self = shared_from_this()] {
    if (self->finished_) return;  // taken off the timer list just before the run ended
    self->watchTimer_ = 0;
    self->watch();
  });
  finishIfDone();
}

FleetProgress FleetRun::progressNow() const {
  FleetProgress now;
  now.done = summary_.succeeded + summary_.failed + summary_.cancelled;
  now.failed = summary_.failed;
  now.inFlight = static_cast<std::size_t>(std::max(gate_.inFlight(), 0));
  now.total = options_.total;
  now.requests = gate_.requests();
  now.throttled = gate_.throttled();
  now.writesPerSecondLimit = gate_.writesPerSecondLimit();
  now.concurrencyLimit = gate_.concurrencyLimit();
  now.elapsed = since(startedAt_);
  if (options_.total && *options_.total >= now.done) {
    now.remaining = gate_.estimateFor(static_cast<std::int64_t>(*options_.total - now.done));
  }
  return now;
}

void FleetRun::progress() {
  FleetProgress now = progressNow();
  const auto interval = since(lastProgress_);
  if (interval.count() > 0) {
    now.itemsPerSecond = static_cast<double>(now.done - doneAtLastProgress_) * 1000.0 /
                         static_cast<double>(interval.count());
  }
  // The quota's time is a floor: a pace slowed below it (by `x-ms-throttle-limit-percentage`,
  // or a quota smaller than the options say) shows in the items done per second.
  if (now.itemsPerSecond > 0) lastPace_ = now.itemsPerSecond;  // a stalled interval keeps it
  if (now.total && lastPace_ > 0 && *now.total > now.done) {
    const auto atThisPace = milliseconds(
        static_cast<std::int64_t>(static_cast<double>(*now.total - now.done) * 1000.0 / lastPace_));
    now.remaining = std::max(now.remaining.value_or(milliseconds(0)), atThisPace);
  }
  lastProgress_ = Clock::now();
  doneAtLastProgress_ = now.done;
  try {
    options_.progress(now);
  } catch (...) {
    fail(std::current_exception());
  }
}

void FleetRun::fail(std::exception_ptr error) {
  if (!failure_) failure_ = std::move(error);
  stopping_ = true;
  if (!cancelled_) {
    cancelled_ = true;
    cancellation_.cancel();
    gate_.releaseAll();
  }
}

void FleetRun::finishIfDone() {
  if (!(stopping_ || sourceDry_) || active_ != 0 || filling_ || finished_) return;
  finished_ = true;
  if (watchTimer_ != 0) loop_.cancelTimer(watchTimer_);
  watchTimer_ = 0;
  gate_.stop();
  if (options_.progress) progress();
  summary_.requests = gate_.requests();
  summary_.throttled = gate_.throttled();
  summary_.elapsed = since(startedAt_);
  std::lock_guard<std::mutex> lock(mutex_);
  done_ = true;
  doneSignal_.notify_all();
}

}  // namespace msgraph::detail
