// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace emulator {

/// The time the throttling buckets refill by: the steady clock, or, with
/// `--throttle-manual-clock` (for tests), a clock that stands still until `POST /emulator/clock`
/// advances it, so that a test can pass time exactly without sleeping. Only the buckets read
/// it: `Date`, token lifetimes and the deleted items keep the system clock. Thread-safe.
class ThrottleClock {
 public:
  explicit ThrottleClock(bool manual);

  /// Microseconds since the emulator started (manual: since then, as advanced).
  std::int64_t nowMicros() const;
  /// Whether the clock is manual.
  bool manual() const { return manual_; }
  /// Moves a manual clock forward by `by`; returns the new time. A steady clock is unchanged.
  std::int64_t advance(std::chrono::microseconds by);

 private:
  bool manual_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::int64_t> manualMicros_{0};
};

}  // namespace emulator
