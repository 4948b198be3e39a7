#include <algorithm>
#include <random>
#include <thread>

#include "msgraph/error.hpp"
#include "pipeline/builtin_policies.hpp"
#include "pipeline/retry_after.hpp"

namespace msgraph::detail {

namespace {

constexpr int kMaxRetriesCeiling = 10;

bool isRetryableStatus(int status) { return status == 429 || status == 503 || status == 504; }

// Only failures where the request cannot have reached the service are safe for every verb.
bool isRetryableTransport(const TransportError& error) {
  return error.kind() == TransportError::Kind::Connect;
}

}  // namespace

RetryPolicy::RetryPolicy(RetryOptions options) : options_(std::move(options)) {
  using std::chrono::milliseconds;
  const milliseconds hour = std::chrono::hours(1);
  options_.maxRetries = std::clamp(options_.maxRetries, 0, kMaxRetriesCeiling);
  options_.baseDelay = std::clamp(options_.baseDelay, milliseconds(0), hour);
  options_.maxDelay = std::clamp(options_.maxDelay, milliseconds(0), hour);
  options_.maxRetryAfter = std::clamp(options_.maxRetryAfter, milliseconds(0), hour);
}

bool RetryPolicy::mayRetry(const HttpRequest& request, int attempt) const {
  if (attempt >= options_.maxRetries) return false;
  return request.method != HttpMethod::Patch || options_.retryPatch;
}

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const {
  // Exponential growth with full jitter: uniform in [0, min(maxDelay, base * 2^attempt)].
  const auto base = options_.baseDelay.count();
  const auto ceiling =
      std::min<long long>(options_.maxDelay.count(), base << std::min(attempt, 20));
  thread_local std::minstd_rand random{std::random_device{}()};
  std::uniform_int_distribution<long long> pick(0, std::max<long long>(ceiling, 0));
  return std::chrono::milliseconds(pick(random));
}

void RetryPolicy::wait(std::chrono::milliseconds delay) const {
  if (options_.sleeper) {
    options_.sleeper(delay);
  } else {
    std::this_thread::sleep_for(delay);
  }
}

HttpResponse RetryPolicy::send(HttpRequest& request, const CallContext& context,
                               const NextPolicy& next) {
  if (context.isPreview()) return next.send(request, context);
  for (int attempt = 0;; ++attempt) {
    if (attempt > 0) request.headers.set("Retry-Attempt", std::to_string(attempt));
    HttpResponse response;
    try {
      response = next.send(request, context);
    } catch (const TransportError& error) {
      if (!isRetryableTransport(error) || !mayRetry(request, attempt)) throw;
      wait(backoff(attempt));
      continue;
    }
    if (!isRetryableStatus(response.status) || !mayRetry(request, attempt)) return response;
    std::chrono::milliseconds delay = backoff(attempt);
    if (auto header = response.headers.get("Retry-After")) {
      auto asked = parseRetryAfter(*header, std::chrono::system_clock::now());
      if (asked && *asked > options_.maxRetryAfter) return response;  // too long: give up now
      if (asked) delay = *asked;
    }
    wait(delay);
  }
}

}  // namespace msgraph::detail
