// SPDX-License-Identifier: MIT
#include "throttling/token_bucket.hpp"

#include <algorithm>

namespace emulator {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1000000;

std::int64_t ceilDiv(std::int64_t numerator, std::int64_t denominator) {
  return (numerator + denominator - 1) / denominator;
}

}  // namespace

TokenBucket::TokenBucket(ThrottleLimit limit, std::int64_t nowMicros)
    : perMicro_(limit.requests),
      token_(static_cast<std::int64_t>(limit.seconds) * kMicrosPerSecond),
      capacity_(perMicro_ * token_),
      floor_(-capacity_ / 5 * 4),
      level_(capacity_),
      updated_(nowMicros) {}

TokenBucket::Take TokenBucket::take(std::int64_t nowMicros) {
  // From the floor to full takes 1.8 periods; bounding the elapsed time by two keeps the
  // product below 2^63 however long the bucket sat idle.
  const std::int64_t elapsed = std::clamp<std::int64_t>(nowMicros - updated_, 0, 2 * token_);
  updated_ = std::max(updated_, nowMicros);
  level_ = std::min(capacity_, level_ + elapsed * perMicro_);
  const bool allowed = level_ >= token_;
  level_ = std::max(floor_, level_ - token_);
  const std::int64_t missing = token_ - level_;
  // capacity_ is a multiple of 10^6 and so of 100: a hundredth of it is exact.
  return {allowed, missing > 0 ? ceilDiv(missing, perMicro_) : 0,
          ceilDiv(capacity_ - level_, capacity_ / 100)};
}

}  // namespace emulator
