// SPDX-License-Identifier: MIT
#include "throttling/throttle_clock.hpp"

namespace emulator {

ThrottleClock::ThrottleClock(bool manual)
    : manual_(manual), start_(std::chrono::steady_clock::now()) {}

std::int64_t ThrottleClock::nowMicros() const {
  if (manual_) return manualMicros_.load();
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start_)
      .count();
}

std::int64_t ThrottleClock::advance(std::chrono::microseconds by) {
  if (!manual_) return nowMicros();
  return manualMicros_ += by.count();
}

}  // namespace emulator
