// SPDX-License-Identifier: MIT
#include "pipeline/scope_limiter.hpp"

#include <algorithm>
#include <utility>

namespace msgraph::detail {

namespace {

// The additive step of AIMD, a share of the ceiling per successful answer: from half the
// ceiling back to all of it in 25 answers, whatever the quota's size.
constexpr double kIncreaseStep = 0.02;
// The cut on a limit percentage over the threshold: gentler than a 429's, which it prevents.
constexpr double kSlowdownFactor = 0.9;
// The slowest a scope gets, as a share of its ceiling: it keeps probing, however often cut.
constexpr double kFloorShare = 0.01;
// The peak rate of a burst, as a multiple of the rate; its bucket holds one second of it.
constexpr double kPeakFactor = 2.0;
// The longest pause a Retry-After gets: the longest quota window Graph documents (5 minutes).
// A longer one is not a quota's, and the scope probes again then.
constexpr std::chrono::milliseconds kLongestPause = std::chrono::minutes(5);

double ceilingOf(const QuotaLimit& quota, double fraction) {
  const double windowSeconds = std::chrono::duration<double>(quota.window).count();
  return static_cast<double>(quota.count) * fraction / windowSeconds;
}

}  // namespace

ScopeLimiter::ScopeLimiter(ThrottleScope scope, const QuotaLimit& quota,
                           const ThrottleOptions& options, SchedulerTime now)
    : scope_(std::move(scope)),
      ceiling_(ceilingOf(quota, options.fraction)),
      floor_(ceiling_ * kFloorShare),
      decreaseFactor_(options.decreaseFactor),
      slowdownThreshold_(options.slowdownThreshold),
      bucket_(static_cast<double>(quota.count) * options.fraction, ceiling_, now),
      peak_(kPeakFactor * ceiling_, kPeakFactor * ceiling_, now) {}

SchedulerTime ScopeLimiter::availableAt(double cost, SchedulerTime now) noexcept {
  return std::max(bucket_.availableAt(cost, now), peak_.availableAt(cost, now));
}

void ScopeLimiter::take(double cost, SchedulerTime now) noexcept {
  bucket_.take(cost, now);
  peak_.take(cost, now);
  ++granted_;
}

void ScopeLimiter::onThrottled(std::optional<std::chrono::milliseconds> retryAfter,
                               SchedulerTime sentAt, SchedulerTime now) noexcept {
  ++throttled_;
  if (mayDecrease(sentAt)) scaleRate(decreaseFactor_, now);
  // A throttled request still counted against Graph's quota, so its bucket is empty. Without a
  // Retry-After the wait for the next token at the cut rate is the backoff.
  const auto pause = std::min(retryAfter.value_or(std::chrono::milliseconds(0)), kLongestPause);
  pausedUntil_ = std::max(pausedUntil_, now + pause);
  bucket_.drainUntil(pausedUntil_, now);
}

void ScopeLimiter::onNearLimit(double limitPercentage, SchedulerTime sentAt,
                               SchedulerTime now) noexcept {
  lastLimitPercentage_ = limitPercentage;
  if (limitPercentage < slowdownThreshold_) {
    onSuccess(now);
    return;
  }
  ++slowed_;
  bucket_.limitTo(0, now);
  if (mayDecrease(sentAt)) scaleRate(kSlowdownFactor, now);
}

void ScopeLimiter::onSuccess(SchedulerTime now) noexcept {
  if (bucket_.rate() < ceiling_) {
    setRate(std::min(ceiling_, bucket_.rate() + ceiling_ * kIncreaseStep), now);
  }
}

void ScopeLimiter::setRate(double rate, SchedulerTime now) noexcept {
  bucket_.setRate(rate, now);
  peak_.setRate(kPeakFactor * rate, now);
}

void ScopeLimiter::scaleRate(double factor, SchedulerTime now) noexcept {
  setRate(std::max(floor_, bucket_.rate() * factor), now);
  lastDecrease_ = now;
}

std::chrono::milliseconds ScopeLimiter::timeFor(double units, SchedulerTime now) const noexcept {
  const double missing = std::max(0.0, units - bucket_.tokensAt(now));  // a debt adds
  const auto pause = std::max(pausedUntil_ - now, SchedulerTime::duration::zero());
  return std::chrono::ceil<std::chrono::milliseconds>(pause + waitOf(missing / ceiling_));
}

ScopeStatus ScopeLimiter::status(SchedulerTime now) const {
  ScopeStatus s;
  s.scope = scope_;
  s.ratePerSecond = bucket_.rate();
  s.ceilingPerSecond = ceiling_;
  s.tokens = bucket_.tokensAt(now);
  s.pausedUntil = pausedUntil_;
  s.granted = granted_;
  s.throttled = throttled_;
  s.slowed = slowed_;
  s.lastLimitPercentage = lastLimitPercentage_;
  return s;
}

}  // namespace msgraph::detail
