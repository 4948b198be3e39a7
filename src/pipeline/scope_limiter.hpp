// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "msgraph/pipeline/throttle_options.hpp"
#include "pipeline/throttle_scope.hpp"
#include "pipeline/token_bucket.hpp"

namespace msgraph::detail {

/// What a progress display shows of one scope.
struct ScopeStatus {
  ThrottleScope scope;
  /// The pace now, and the most it may reach (the quota times the fraction), per second.
  double ratePerSecond = 0;
  double ceilingPerSecond = 0;
  /// Tokens in the bucket now (negative while in debt).
  double tokens = 0;
  /// The end of the last pause (`Retry-After`); the scope is paused while this is ahead.
  SchedulerTime pausedUntil{};
  std::uint64_t granted = 0;    // requests admitted
  std::uint64_t throttled = 0;  // 429s
  std::uint64_t slowed = 0;     // answers with x-ms-throttle-limit-percentage over the threshold
  std::optional<double> lastLimitPercentage;
};

/// The limiter of one throttle scope: a token bucket seeded at the quota times the fraction, its
/// rate adjusted by AIMD (cut on a 429 or on a limit percentage over the threshold, raised on
/// success up to the seed), paused until `Retry-After`. A second bucket paces the burst at twice
/// the rate (a peak rate, as in a two-rate meter): Graph's own bucket may hold less than the
/// quota when a run starts, and the 429s that find out are the requests in flight, so a burst
/// must not put more in flight than twice the rate does.
class ScopeLimiter {
 public:
  ScopeLimiter(ThrottleScope scope, const QuotaLimit& quota, const ThrottleOptions& options,
               SchedulerTime now);

  /// The earliest moment a request of `cost` units may go (after any pause).
  SchedulerTime availableAt(double cost, SchedulerTime now) noexcept;
  /// Counts a request of `cost` units admitted at `now`, a moment `availableAt` allowed.
  void take(double cost, SchedulerTime now) noexcept;

  /// A 429 for a request admitted at `sentAt`: pauses the scope until `retryAfter` (at most 5
  /// minutes) with an empty bucket, and cuts the rate.
  void onThrottled(std::optional<std::chrono::milliseconds> retryAfter, SchedulerTime sentAt,
                   SchedulerTime now) noexcept;
  /// An answer with `x-ms-throttle-limit-percentage` at or above the threshold: Graph's bucket
  /// is nearly empty, so the burst allowance goes and the rate is trimmed.
  void onNearLimit(double limitPercentage, SchedulerTime sentAt, SchedulerTime now) noexcept;
  /// Any other answer of the service: the rate climbs back towards the ceiling.
  void onSuccess(SchedulerTime now) noexcept;

  /// The pace at which the remaining `units` can go at best (the ceiling), from `now`.
  std::chrono::milliseconds timeFor(double units, SchedulerTime now) const noexcept;
  ScopeStatus status(SchedulerTime now) const;
  const ThrottleScope& scope() const noexcept { return scope_; }

 private:
  // One cut per round trip: answers to requests sent before the last cut say nothing of the
  // rate since (TCP's one decrease per window).
  bool mayDecrease(SchedulerTime sentAt) const noexcept { return sentAt >= lastDecrease_; }
  void setRate(double rate, SchedulerTime now) noexcept;
  void scaleRate(double factor, SchedulerTime now) noexcept;

  ThrottleScope scope_;
  double ceiling_;
  double floor_;
  double decreaseFactor_;
  double slowdownThreshold_;
  TokenBucket bucket_;
  TokenBucket peak_;
  SchedulerTime pausedUntil_{};
  SchedulerTime lastDecrease_{};
  std::uint64_t granted_ = 0;
  std::uint64_t throttled_ = 0;
  std::uint64_t slowed_ = 0;
  std::optional<double> lastLimitPercentage_;
};

}  // namespace msgraph::detail
