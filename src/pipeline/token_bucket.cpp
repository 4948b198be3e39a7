// SPDX-License-Identifier: MIT
#include "pipeline/token_bucket.hpp"

#include <algorithm>

namespace msgraph::detail {

namespace {

// A shortfall this small is the rounding of the refill sum, not a missing token.
constexpr double kRoundingSlack = 1e-9;
constexpr double kLongestWaitSeconds = 365.0 * 24 * 3600;

double secondsBetween(SchedulerTime from, SchedulerTime to) noexcept {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

SchedulerTime::duration waitOf(double seconds) noexcept {
  const double bounded = std::min(std::max(seconds, 0.0), kLongestWaitSeconds);
  return std::chrono::ceil<SchedulerTime::duration>(std::chrono::duration<double>(bounded));
}

TokenBucket::TokenBucket(double capacity, double ratePerSecond, SchedulerTime now) noexcept
    : capacity_(capacity), rate_(ratePerSecond), tokens_(capacity), refilledAt_(now) {}

double TokenBucket::tokensAt(SchedulerTime now) const noexcept {
  if (now <= refilledAt_) return tokens_;
  return std::min(capacity_, tokens_ + rate_ * secondsBetween(refilledAt_, now));
}

void TokenBucket::refill(SchedulerTime now) noexcept {
  if (now <= refilledAt_) return;
  tokens_ = tokensAt(now);
  refilledAt_ = now;
}

void TokenBucket::take(double cost, SchedulerTime now) noexcept {
  refill(now);
  tokens_ -= cost;
}

SchedulerTime TokenBucket::availableAt(double cost, SchedulerTime now) noexcept {
  refill(now);
  const SchedulerTime from = std::max(now, refilledAt_);
  const double missing = needed(cost) - tokens_;
  if (missing <= kRoundingSlack) return from;
  return from + waitOf(missing / rate_);
}

void TokenBucket::setRate(double ratePerSecond, SchedulerTime now) noexcept {
  refill(now);
  rate_ = ratePerSecond;
}

void TokenBucket::limitTo(double most, SchedulerTime now) noexcept {
  refill(now);
  tokens_ = std::min(tokens_, most);
}

void TokenBucket::drainUntil(SchedulerTime resumeAt, SchedulerTime now) noexcept {
  refill(now);
  tokens_ = std::min(tokens_, 0.0);
  refilledAt_ = std::max(refilledAt_, resumeAt);
}

}  // namespace msgraph::detail
