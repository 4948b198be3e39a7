// SPDX-License-Identifier: MIT
#include "pipeline/concurrency_limiter.hpp"

#include <algorithm>

namespace msgraph::detail {

namespace {

// The smoothed latency's weight of each new answer (as TCP's SRTT, RFC 6298).
constexpr double kLatencyWeight = 0.125;
// A smoothed latency this many times the lowest seen means requests queue somewhere.
constexpr double kQueueingFactor = 2.0;
// The cut when requests queue: gentler than a 429's.
constexpr double kQueueingCut = 0.9;

std::chrono::milliseconds millisecondsOf(double seconds) {
  return std::chrono::ceil<std::chrono::milliseconds>(std::chrono::duration<double>(seconds));
}

}  // namespace

ConcurrencyLimiter::ConcurrencyLimiter(const ThrottleOptions& options) noexcept
    : cap_(options.initialConcurrency),
      max_(options.maxConcurrency),
      decreaseFactor_(options.decreaseFactor) {}

void ConcurrencyLimiter::finish(std::chrono::nanoseconds latency, bool answered, bool throttled,
                                SchedulerTime sentAt, SchedulerTime now) noexcept {
  if (inFlight_ > 0) --inFlight_;
  if (!answered) return;
  const double seconds = std::chrono::duration<double>(latency).count();
  if (smoothedSeconds_ == 0) {
    smoothedSeconds_ = lowestSeconds_ = seconds;
  } else {
    smoothedSeconds_ += kLatencyWeight * (seconds - smoothedSeconds_);
    lowestSeconds_ = std::min(lowestSeconds_, seconds);
  }
  const bool queueing = smoothedSeconds_ > kQueueingFactor * lowestSeconds_;
  // Answers to requests sent before the last cut say nothing of the cap since.
  if (throttled || queueing) {
    if (sentAt >= lastDecrease_) cut(throttled ? decreaseFactor_ : kQueueingCut, now);
    return;
  }
  if (capWasTheLimit_ && cap_ < max_) {
    const int before = static_cast<int>(cap_);
    cap_ = std::min(static_cast<double>(max_), cap_ + 1 / cap_);
    // A new slot must be needed again before the next one is added.
    if (static_cast<int>(cap_) > before) capWasTheLimit_ = false;
  }
}

void ConcurrencyLimiter::cut(double factor, SchedulerTime now) noexcept {
  cap_ = std::max(1.0, cap_ * factor);
  capWasTheLimit_ = false;
  lastDecrease_ = now;
}

ConcurrencyStatus ConcurrencyLimiter::status() const noexcept {
  return {static_cast<int>(cap_), inFlight_, millisecondsOf(smoothedSeconds_),
          millisecondsOf(lowestSeconds_)};
}

}  // namespace msgraph::detail
