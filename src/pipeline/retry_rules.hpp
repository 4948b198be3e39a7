// SPDX-License-Identifier: MIT
#pragma once

// The retry decisions, shared by the blocking RetryPolicy and the async pipeline: whether an
// attempt is retried (status, idempotency, the caller's veto), how long to wait, and the checks
// and announcements around a wait. Only how the wait is spent differs between the two (a
// sleeping thread, a loop timer).
#include <chrono>
#include <string>

#include "msgraph/error.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/pipeline/retry_options.hpp"
#include "pipeline/builtin_policies.hpp"
#include "pipeline/call_record.hpp"

namespace msgraph::detail {

/// `options` with every field inside its bounds (at most 10 retries, waits of at most an hour).
RetryOptions clampedRetryOptions(RetryOptions options);

/// What follows a failed attempt: another attempt after `delay`, or the end of the call.
struct RetryPlan {
  bool retry = false;
  std::chrono::milliseconds delay{0};
  /// The failed attempt in a few words ("HTTP 429", "a receive failure"), for messages.
  std::string failure;
};

/// Decides about attempt `attempt` (from 0) of `request`, which got `response` (or, when null,
/// failed with `error`). Notes in `record` when a write that is retried may have been applied.
RetryPlan planRetry(const RetryOptions& options, const RetryStyle& style,
                    const HttpRequest& request, int attempt, const HttpResponse* response,
                    const TransportError* error, CallRecord& record);

/// Before a wait of `plan.delay` that precedes attempt `next` (from 1): refuses it with
/// DeadlineExceededError when it would pass the call's deadline, else announces it at Info and
/// records it on the last attempt.
void beginWait(const RetryOptions& options, const CallContext& context, CallRecord& record,
               const RetryPlan& plan, const RetryStyle& style, int next);

/// Notes in the record how long the call waited after its last attempt.
void recordWait(CallRecord& record, std::chrono::milliseconds delay);

/// Throws CancelledError or DeadlineExceededError when the call may not go on.
void checkAlive(const CallContext& context);

/// Sets `Retry-Attempt: N` on attempts after the first, where the style sends it.
void markAttempt(HttpRequest& request, int attempt, const RetryStyle& style);

}  // namespace msgraph::detail
