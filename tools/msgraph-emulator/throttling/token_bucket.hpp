// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

#include "throttling/throttle_options.hpp"

namespace emulator {

/// One token bucket of `requests` per `seconds`, refilled continuously (a token every
/// seconds/requests), holding at most `requests` tokens: Graph's identity and access service
/// describes its limits as token buckets (https://learn.microsoft.com/graph/throttling-limits,
/// "Identity and access service limits", "Pattern") without saying how they refill, and a
/// continuous refill is the one shape under which "N per SECONDS" holds over every window.
///
/// Every request takes a token, a refused one too ("all requests accrue against your usage
/// limits", https://learn.microsoft.com/graph/throttling), so hammering a full bucket digs a
/// debt; the debt stops at 0.8 of the capacity, where the use of the limit is 1.8, the top of
/// the range Graph documents for `x-ms-throttle-limit-percentage`.
///
/// The arithmetic is exact: a level is kept in units of 1/(seconds * 10^6) token, which refill
/// at `requests` units a microsecond, so no rounding ever lets a request through early.
/// Not synchronized: the Throttler locks around it.
class TokenBucket {
 public:
  /// What one request did to the bucket.
  struct Take {
    /// Whether a whole token was there for it.
    bool allowed;
    /// Microseconds until the next request would find a whole token (0 if one is there).
    std::int64_t waitMicros;
    /// The use of the limit after the request, in hundredths rounded up: 100 is the whole
    /// capacity used; at most 180.
    std::int64_t useHundredths;
  };

  /// A full bucket at time `nowMicros`.
  TokenBucket(ThrottleLimit limit, std::int64_t nowMicros);

  /// Refills up to `nowMicros` (a clock that never goes back) and takes one token.
  Take take(std::int64_t nowMicros);

 private:
  std::int64_t perMicro_;  // units refilled per microsecond: the limit's requests
  std::int64_t token_;     // units in one token: the limit's seconds in microseconds
  std::int64_t capacity_;  // units in a full bucket
  std::int64_t floor_;     // the lowest level a refused request can dig to (negative)
  std::int64_t level_;
  std::int64_t updated_;  // when level_ was last refilled
};

}  // namespace emulator
