// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>

#include "msgraph/export.hpp"

namespace msgraph {

class TransportError;
struct HttpResponse;

/// @brief What a `RetryOptions::shouldRetry` callback decides about one failed attempt.
enum class RetryDecision {
  Default,     ///< let the policy decide (the rules documented on `RetryOptions`)
  Retry,       ///< retry even if the policy would not (still bounded by `maxRetries`)
  DoNotRetry,  ///< stop now and return this outcome
};

/// @brief Decides about one attempt: `attempt` counts from 0 (the first send), `response` is set
/// when one arrived, `error` when none did.
using ShouldRetry = std::function<RetryDecision(int attempt, const HttpResponse* response,
                                                const TransportError* error)>;

/// @brief How the retry policy retries throttled and failed attempts.
///
/// Retried: `429`, `503`, `504`, and transport failures before any response (refused, reset or
/// dropped connections, timeouts with nothing received; see `TransportError::gotResponse`), for
/// idempotent methods (GET, PUT, DELETE). PATCH and POST are retried on `429` and on `503` with
/// `Retry-After`, which say that Graph did not process the request (as Graph's own SDKs retry
/// them); on a `504`, a `503` without `Retry-After` or a transport failure, which leave open
/// whether it was applied, only with `retryPatch`. The wait honours
/// `Retry-After` (seconds or HTTP-date, capped at `maxRetryAfter`), else grows exponentially from
/// `baseDelay` with full jitter, capped at `maxDelay`. Every attempt keeps the call's
/// `client-request-id` and carries `Retry-Attempt: N` from the second on.
struct MSGRAPH_API RetryOptions {
  /// @brief Retries after the first attempt; 0 disables retrying. At most 10.
  int maxRetries = 3;
  /// @brief The first backoff wait (before jitter).
  std::chrono::milliseconds baseDelay{std::chrono::seconds(1)};
  /// @brief The longest backoff wait.
  std::chrono::milliseconds maxDelay{std::chrono::seconds(60)};
  /// @brief The longest wait a `Retry-After` gets: a longer one is cut to this.
  std::chrono::milliseconds maxRetryAfter{std::chrono::seconds(180)};
  /// @brief Whether PATCH and POST (not idempotent in general) are also retried after a `504`, a
  /// `503` without `Retry-After` or a transport failure, where the service may have applied them
  /// (they are always retried on `429` and on `503` with `Retry-After`). Nothing else sends a
  /// request again: `CurlTransport` never resends on its own.
  bool retryPatch = false;
  /// @brief Consulted after every attempt that did not succeed (a status of 400 or more, or a
  /// transport error); may veto a retry or force one. Default: none.
  ShouldRetry shouldRetry;
  /// @brief How the policy waits; replace it in tests to observe waits without sleeping (an
  /// injected sleeper is not woken by cancellation). Unset: the calling thread sleeps, woken at
  /// once by the call's `CancellationToken`.
  std::function<void(std::chrono::milliseconds)> sleeper;
};

}  // namespace msgraph
