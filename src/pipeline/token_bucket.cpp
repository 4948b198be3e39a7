// SPDX-License-Identifier: MIT
#include "pipeline/token_bucket.hpp"

#include <algorithm>

namespace msgraph::detail {

namespace {

double secondsBetween(SchedulerTime from, SchedulerTime to) noexcept {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

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
  if (missing <= 0) return from;
  // Rounded up to the clock's tick, so that asking again at that moment finds the tokens.
  const auto wait = std::chrono::duration<double>(missing / rate_);
  return from + std::chrono::ceil<SchedulerTime::duration>(wait);
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
