// SPDX-License-Identifier: MIT
#include <algorithm>
#include <optional>
#include <random>
#include <thread>

#include "http/retry_after.hpp"
#include "http/transport_failure.hpp"
#include "msgraph/attempt.hpp"
#include "msgraph/error.hpp"
#include "pipeline/attempt_record.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

namespace {

using std::chrono::milliseconds;
constexpr int kMaxRetriesCeiling = 10;

RetryOptions clamped(RetryOptions options) {
  const milliseconds hour = std::chrono::hours(1);
  options.maxRetries = std::clamp(options.maxRetries, 0, kMaxRetriesCeiling);
  options.baseDelay = std::clamp(options.baseDelay, milliseconds(0), hour);
  options.maxDelay = std::clamp(options.maxDelay, milliseconds(0), hour);
  options.maxRetryAfter = std::clamp(options.maxRetryAfter, milliseconds(0), hour);
  return options;
}

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

void checkAlive(const CallContext& context) {
  if (context.isCancelled()) throw CancelledError("the call was cancelled");
  if (context.deadline() && CallContext::Clock::now() >= *context.deadline()) {
    throw DeadlineExceededError("the call's deadline passed before the next attempt");
  }
}

// Notes in the record how long the call waits (or waited) after its last attempt.
void recordWait(CallRecord& record, milliseconds delay) {
  if (!record.attempts.empty()) record.attempts.back().delayAfter = delay;
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

}  // namespace

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

// "180 s", "0.25 s": a wait as a person reads it.
std::string seconds(milliseconds delay) {
  std::string text = std::to_string(delay.count() / 1000);
  if (const long long rest = delay.count() % 1000; rest != 0) {
    std::string fraction = std::to_string(1000 + rest).substr(1);
    fraction.erase(fraction.find_last_not_of('0') + 1);
    text += "." + fraction;
  }
  return text + " s";
}

// Waits before attempt `next` (counted from 1) of at most `attempts`: never past the deadline,
// announced before it starts, and woken at once by cancellation. `failure` is the failed
// attempt in short.
void wait(const RetryOptions& options, const CallContext& context, CallRecord& record,
          milliseconds delay, const RetryStyle& style, const std::string& failure, int next) {
  if (context.deadline() && CallContext::Clock::now() + delay > *context.deadline()) {
    throw DeadlineExceededError("the call's deadline leaves no time to retry " + style.subject +
                                " after " + failure + " (a wait of " +
                                std::to_string(delay.count()) + " ms)");
  }
  if (style.log.wants(LogLevel::Info)) {
    style.log(LogLevel::Info, "waiting " + seconds(delay) + " after " + failure + " to retry " +
                                  style.subject + ", attempt " + std::to_string(next) + " of " +
                                  std::to_string(options.maxRetries + 1));
  }
  recordWait(record, delay);
  if (options.sleeper) {
    options.sleeper(delay);
  } else if (context.cancellation()) {
    const auto start = CallContext::Clock::now();
    if (context.cancellation()->waitFor(delay)) {
      recordWait(record,
                 std::chrono::duration_cast<milliseconds>(CallContext::Clock::now() - start));
      throw CancelledError("the call was cancelled while waiting to retry " + style.subject);
    }
  } else {
    std::this_thread::sleep_for(delay);
  }
  checkAlive(context);
}

}  // namespace

RetryPolicy::RetryPolicy(RetryOptions options, RetryStyle style)
    : options_(clamped(std::move(options))), style_(std::move(style)) {}

HttpResponse RetryPolicy::send(HttpRequest& request, const CallContext& context,
                               const NextPolicy& next) {
  if (next.isPreview()) return next.send(request, context);
  CallRecord& record = callRecordOf(next);
  // A per-call override is clamped per call; the client's options were clamped once.
  std::optional<RetryOptions> perCall;
  if (record.retryOverride != nullptr) perCall = clamped(*record.retryOverride);
  const RetryOptions& options = perCall ? *perCall : options_;
  for (int attempt = 0;; ++attempt) {
    checkAlive(context);
    if (attempt > 0 && style_.sendsRetryAttempt) {
      request.headers.set("Retry-Attempt", std::to_string(attempt));
    }
    HttpResponse response;
    try {
      response = next.send(request, context);
    } catch (const TransportError& error) {
      recordAttempt(record, 0, error.what(), nullptr);
      // The service may have acted on a request it never answered: only idempotent verbs go again.
      const bool byPolicy =
          failedBeforeResponse(error) && mayRetry(options, request, attempt, nullptr);
      if (!decide(options, byPolicy, attempt, nullptr, &error)) throw;
      if (mayHaveApplied(request, nullptr, &error)) record.earlierAttemptMayHaveApplied = true;
      wait(options, context, record, style_.backoff(options, attempt, nullptr), style_,
           describeFailure(nullptr, &error), attempt + 2);
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
    const bool byPolicy =
        isRetryableStatus(response.status) && mayRetry(options, request, attempt, &response);
    if (!decide(options, byPolicy, attempt, &response, nullptr)) return response;
    if (mayHaveApplied(request, &response, nullptr)) record.earlierAttemptMayHaveApplied = true;
    wait(options, context, record, style_.backoff(options, attempt, &response), style_,
         describeFailure(&response, nullptr), attempt + 2);
  }
}

}  // namespace msgraph::detail
