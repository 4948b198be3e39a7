// SPDX-License-Identifier: MIT
#include "pipeline/retry_rules.hpp"

#include <algorithm>

#include "http/transport_failure.hpp"

namespace msgraph::detail {

namespace {

using std::chrono::milliseconds;
constexpr int kMaxRetriesCeiling = 10;

bool isRetryableStatus(int status) { return status == 429 || status == 503 || status == 504; }

// Whether the answer says the service did not process the request, so that sending it again
// cannot apply it twice: Graph's throttling answers, 429 and 503 with Retry-After.
bool saysNotProcessed(const HttpResponse* response) {
  return response != nullptr &&
         (response->status == 429 ||
          (response->status == 503 && response->headers.contains("Retry-After")));
}

// The idempotency decision: PATCH and POST (a create) may apply twice when sent twice, so they
// go again only on an answer that says the first was not processed, or with retryPatch.
bool mayRetry(const RetryOptions& options, const HttpRequest& request, int attempt,
              const HttpResponse* response) {
  if (attempt >= options.maxRetries) return false;
  const bool idempotent = request.method != HttpMethod::Patch && request.method != HttpMethod::Post;
  return idempotent || saysNotProcessed(response) || options.retryPatch;
}

// Whether the service may have applied a write whose attempt ended this way: sent but not
// answered (the connection dropped or went silent), or answered 500, 502 or 504, which leave the
// outcome open. A refused connection or a TLS failure sent nothing.
bool mayHaveApplied(const HttpRequest& request, const HttpResponse* response,
                    const TransportError* error) {
  if (request.method == HttpMethod::Get) return false;
  if (response != nullptr) {
    return response->status == 500 || response->status == 502 || response->status == 504;
  }
  const TransportError::Kind kind = error->kind();
  return kind == TransportError::Kind::Send || kind == TransportError::Kind::Receive ||
         kind == TransportError::Kind::Timeout;
}

// The policy's own answer, then the caller's veto or override; never past maxRetries.
bool decide(const RetryOptions& options, bool byPolicy, int attempt, const HttpResponse* response,
            const TransportError* error) {
  if (!options.shouldRetry) return byPolicy;
  switch (options.shouldRetry(attempt, response, error)) {
    case RetryDecision::Retry:
      return attempt < options.maxRetries;
    case RetryDecision::DoNotRetry:
      return false;
    case RetryDecision::Default:
      break;
  }
  return byPolicy;
}

// The failed attempt in a few words, for an error (never a body or a secret).
std::string describeFailure(const HttpResponse* response, const TransportError* error) {
  if (response != nullptr) return "HTTP " + std::to_string(response->status);
  switch (error->kind()) {
    case TransportError::Kind::Connect:
      return "a connection failure";
    case TransportError::Kind::Send:
      return "a send failure";
    case TransportError::Kind::Receive:
      return "a receive failure";
    default:
      return "a timeout";
  }
}

// "180 s", "0.25 s": a wait as a person reads it.
std::string secondsText(milliseconds delay) {
  std::string text = std::to_string(delay.count() / 1000);
  if (const long long rest = delay.count() % 1000; rest != 0) {
    std::string fraction = std::to_string(1000 + rest).substr(1);
    fraction.erase(fraction.find_last_not_of('0') + 1);
    text += "." + fraction;
  }
  return text + " s";
}

}  // namespace

RetryOptions clampedRetryOptions(RetryOptions options) {
  const milliseconds hour = std::chrono::hours(1);
  options.maxRetries = std::clamp(options.maxRetries, 0, kMaxRetriesCeiling);
  options.baseDelay = std::clamp(options.baseDelay, milliseconds(0), hour);
  options.maxDelay = std::clamp(options.maxDelay, milliseconds(0), hour);
  options.maxRetryAfter = std::clamp(options.maxRetryAfter, milliseconds(0), hour);
  return options;
}

RetryPlan planRetry(const RetryOptions& options, const RetryStyle& style,
                    const HttpRequest& request, int attempt, const HttpResponse* response,
                    const TransportError* error, CallRecord& record) {
  // The service may have acted on a request it never answered: only idempotent verbs go again.
  const bool byPolicy =
      response != nullptr
          ? isRetryableStatus(response->status) && mayRetry(options, request, attempt, response)
          : failedBeforeResponse(*error) && mayRetry(options, request, attempt, nullptr);
  RetryPlan plan;
  if (!decide(options, byPolicy, attempt, response, error)) return plan;
  if (mayHaveApplied(request, response, error)) record.earlierAttemptMayHaveApplied = true;
  plan.retry = true;
  plan.delay = style.backoff(options, attempt, response);
  plan.failure = describeFailure(response, error);
  return plan;
}

void beginWait(const RetryOptions& options, const CallContext& context, CallRecord& record,
               const RetryPlan& plan, const RetryStyle& style, int next) {
  if (context.deadline() && CallContext::Clock::now() + plan.delay > *context.deadline()) {
    throw DeadlineExceededError("the call's deadline leaves no time to retry " + style.subject +
                                " after " + plan.failure + " (a wait of " +
                                std::to_string(plan.delay.count()) + " ms)");
  }
  if (style.log.wants(LogLevel::Info)) {
    style.log(LogLevel::Info, "waiting " + secondsText(plan.delay) + " after " + plan.failure +
                                  " to retry " + style.subject + ", attempt " +
                                  std::to_string(next) + " of " +
                                  std::to_string(options.maxRetries + 1));
  }
  recordWait(record, plan.delay);
}

void recordWait(CallRecord& record, milliseconds delay) {
  if (!record.attempts.empty()) record.attempts.back().delayAfter = delay;
}

void checkAlive(const CallContext& context) {
  if (context.isCancelled()) throw CancelledError("the call was cancelled");
  if (context.deadline() && CallContext::Clock::now() >= *context.deadline()) {
    throw DeadlineExceededError("the call's deadline passed before the next attempt");
  }
}

void markAttempt(HttpRequest& request, int attempt, const RetryStyle& style) {
  if (attempt > 0 && style.sendsRetryAttempt) {
    request.headers.set("Retry-Attempt", std::to_string(attempt));
  }
}

}  // namespace msgraph::detail
