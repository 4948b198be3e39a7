// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "msgraph/attempt.hpp"
#include "msgraph/pipeline/retry_options.hpp"

namespace msgraph::detail {

/// What the pipeline keeps about one logical call beside the `CallContext` that transports
/// see: owned by whoever runs the call (a request, the token endpoint), reached by the
/// library's policies through `callRecordOf(next)`.
struct CallRecord {
  /// The call's own retry options, replacing the pipeline's (the pointee outlives the call).
  const RetryOptions* retryOverride = nullptr;
  /// Every attempt so far, in order.
  std::vector<Attempt> attempts;
  /// The retry policy retried a write whose attempt the service may have applied (sent but not
  /// answered, or answered 500, 502 or 504): reported by `ServiceError`.
  bool earlierAttemptMayHaveApplied = false;
  /// The call is only prepared (whatIf, confirm): no I/O, nothing sent.
  bool preview = false;
};

}  // namespace msgraph::detail
