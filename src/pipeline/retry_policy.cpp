// SPDX-License-Identifier: MIT
#include <algorithm>
#include <optional>
#include <random>
#include <thread>

#include "http/retry_after.hpp"
#include "msgraph/attempt.hpp"
#include "msgraph/error.hpp"
#include "pipeline/attempt_record.hpp"
#include "pipeline/builtin_policies.hpp"
#include "pipeline/retry_rules.hpp"

namespace msgraph::detail {

using std::chrono::milliseconds;

// Exponential growth with full jitter: uniform in [0, min(maxDelay, base * 2^attempt)].
milliseconds graphBackoff(const RetryOptions& options, int attempt, const HttpResponse* response) {
  if (response != nullptr) {
    if (auto header = response->headers.get("Retry-After")) {
      if (auto asked = parseRetryAfter(*header, std::chrono::system_clock::now())) {
        return std::min(*asked, options.maxRetryAfter);
      }
    }
  }
  const auto ceiling = std::min<long long>(options.maxDelay.count(), options.baseDelay.count()
                                                                         << std::min(attempt, 20));
  thread_local std::minstd_rand random{std::random_device{}()};
  std::uniform_int_distribution<long long> pick(0, std::max<long long>(ceiling, 0));
  return milliseconds(pick(random));
}

namespace {

// Waits before attempt `next` (counted from 1): never past the deadline, announced before it
// starts, and woken at once by cancellation.
void wait(const RetryOptions& options, const CallContext& context, CallRecord& record,
          const RetryPlan& plan, const RetryStyle& style, int next) {
  beginWait(options, context, record, plan, style, next);
  if (options.sleeper) {
    options.sleeper(plan.delay);
  } else if (context.cancellation()) {
    const auto start = CallContext::Clock::now();
    if (context.cancellation()->waitFor(plan.delay)) {
      recordWait(record,
                 std::chrono::duration_cast<milliseconds>(CallContext::Clock::now() - start));
      throw CancelledError("the call was cancelled while waiting to retry " + style.subject);
    }
  } else {
    std::this_thread::sleep_for(plan.delay);
  }
  checkAlive(context);
}

}  // namespace

RetryPolicy::RetryPolicy(RetryOptions options, RetryStyle style)
    : options_(clampedRetryOptions(std::move(options))), style_(std::move(style)) {}

HttpResponse RetryPolicy::send(HttpRequest& request, const CallContext& context,
                               const NextPolicy& next) {
  if (next.isPreview()) return next.send(request, context);
  CallRecord& record = callRecordOf(next);
  // A per-call override is clamped per call; the client's options were clamped once.
  std::optional<RetryOptions> perCall;
  if (record.retryOverride != nullptr) perCall = clampedRetryOptions(*record.retryOverride);
  const RetryOptions& options = perCall ? *perCall : options_;
  for (int attempt = 0;; ++attempt) {
    checkAlive(context);
    markAttempt(request, attempt, style_);
    HttpResponse response;
    try {
      response = next.send(request, context);
    } catch (const TransportError& error) {
      recordAttempt(record, 0, error.what(), nullptr);
      const RetryPlan plan = planRetry(options, style_, request, attempt, nullptr, &error, record);
      if (!plan.retry) throw;
      wait(options, context, record, plan, style_, attempt + 2);
      continue;
    } catch (const CancelledError& error) {  // stopped in flight: still an attempt made
      recordAttempt(record, 0, error.what(), nullptr);
      throw;
    } catch (const DeadlineExceededError& error) {
      recordAttempt(record, 0, error.what(), nullptr);
      throw;
    }
    recordAttempt(record, response.status, {}, &response.headers);
    if (response.status < 400) return response;
    const RetryPlan plan = planRetry(options, style_, request, attempt, &response, nullptr, record);
    if (!plan.retry) return response;
    wait(options, context, record, plan, style_, attempt + 2);
  }
}

}  // namespace msgraph::detail
