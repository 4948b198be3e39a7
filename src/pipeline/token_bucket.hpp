// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>

namespace msgraph::detail {

/// The scheduler's clock: monotonic time, always passed in, never read here.
using SchedulerTime = std::chrono::steady_clock::time_point;

/// `seconds` as a clock duration, rounded up to the clock's tick (so that asking again after it
/// finds what was missing) and cut to a year (a tiny rate must not overflow the clock).
SchedulerTime::duration waitOf(double seconds) noexcept;

/// A token bucket: at most `capacity` tokens, refilled continuously at `rate` per second. A take
/// may cost more than one token and may leave the bucket in debt (as Graph counts every item of
/// a `$batch`); the bucket then earns the debt back before the next take.
class TokenBucket {
 public:
  /// A full bucket at `now`.
  TokenBucket(double capacity, double ratePerSecond, SchedulerTime now) noexcept;

  /// The earliest moment a take of `cost` may happen, at the current rate: when `cost` tokens are
  /// there, or a full bucket for a cost over the capacity (`now` if that is already so).
  SchedulerTime availableAt(double cost, SchedulerTime now) noexcept;
  /// Takes `cost` tokens at `now`, a moment `availableAt(cost, now)` allowed.
  void take(double cost, SchedulerTime now) noexcept;
  /// Changes the refill rate (more than 0) from `now` on; what was earned before is kept.
  void setRate(double ratePerSecond, SchedulerTime now) noexcept;
  /// Keeps at most `most` tokens (a debt stays).
  void limitTo(double most, SchedulerTime now) noexcept;
  /// Empties the bucket (a debt stays) and earns nothing before `resumeAt`, or `now` if later.
  void drainUntil(SchedulerTime resumeAt, SchedulerTime now) noexcept;

  /// The tokens at `now` (negative while in debt).
  double tokensAt(SchedulerTime now) const noexcept;
  double rate() const noexcept { return rate_; }
  double capacity() const noexcept { return capacity_; }

 private:
  // A cost over the capacity could never be met: it waits for a full bucket instead.
  double needed(double cost) const noexcept { return cost < capacity_ ? cost : capacity_; }
  void refill(SchedulerTime now) noexcept;

  double capacity_;
  double rate_;
  double tokens_;
  SchedulerTime refilledAt_;
};

}  // namespace msgraph::detail
