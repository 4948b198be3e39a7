// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>

#include "msgraph/pipeline/throttle_options.hpp"
#include "pipeline/token_bucket.hpp"

namespace msgraph::detail {

/// What a progress display shows of the concurrency cap.
struct ConcurrencyStatus {
  int cap = 0;
  int inFlight = 0;
  std::chrono::milliseconds smoothedLatency{0};
  std::chrono::milliseconds lowestLatency{0};
};

/// How many requests may be in flight at once, adjusted by AIMD: one more per full cap of
/// answers while the cap is what holds requests back and the latency stays under twice the
/// lowest seen; cut on a 429 or when the latency says requests queue (in curl, a proxy or
/// Graph). Enough to keep the pipe full (the rate times the latency), never a queue.
class ConcurrencyLimiter {
 public:
  explicit ConcurrencyLimiter(const ThrottleOptions& options) noexcept;

  /// Whether one more request may start now.
  bool hasRoom() const noexcept { return inFlight_ < static_cast<int>(cap_); }
  /// Counts a request that starts now.
  void start() noexcept { ++inFlight_; }
  /// Notes that a request that had its tokens waits for room.
  void noteWaiting() noexcept { capWasTheLimit_ = true; }
  /// Counts a request that ended at `now` after `latency`; `throttled` for a 429, `answered`
  /// false when no response came (nothing is learned from it).
  void finish(std::chrono::nanoseconds latency, bool answered, bool throttled, SchedulerTime sentAt,
              SchedulerTime now) noexcept;

  ConcurrencyStatus status() const noexcept;

 private:
  void cut(double factor, SchedulerTime now) noexcept;

  double cap_;
  int max_;
  double decreaseFactor_;
  int inFlight_ = 0;
  bool capWasTheLimit_ = false;
  double smoothedSeconds_ = 0;
  double lowestSeconds_ = 0;
  SchedulerTime lastDecrease_{};
};

}  // namespace msgraph::detail
