// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "diagnostics/log_sink.hpp"
#include "msgraph/diagnostics/log.hpp"
#include "msgraph/pipeline/http_policy.hpp"
#include "msgraph/pipeline/retry_options.hpp"

namespace msgraph::detail {

/// Gives every logical call a fresh UUID v4 `client-request-id` (unless the caller set one).
/// It runs before the retry policy, so every attempt of a call carries the same id.
class ClientRequestIdPolicy final : public HttpPolicy {
 public:
  std::string_view name() const noexcept override { return "client-request-id"; }
  /// Adds the id to `request` unless it has one (the async pipeline's step too).
  static void apply(HttpRequest& request);
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;
};

/// Sets `User-Agent` and Graph's `SdkVersion` telemetry header.
class UserAgentPolicy final : public HttpPolicy {
 public:
  explicit UserAgentPolicy(const std::string& applicationId);
  std::string_view name() const noexcept override { return "user-agent"; }
  /// Sets both headers on `request` (the async pipeline's step too).
  void apply(HttpRequest& request) const;
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;

 private:
  std::string userAgent_;
};

/// How long to wait before attempt `attempt + 1` (counted from 0), given the failed attempt's
/// response (null when none arrived). The retry loop decides whether to retry; this, how long.
using Backoff = std::function<std::chrono::milliseconds(const RetryOptions& options, int attempt,
                                                        const HttpResponse* response)>;

/// Graph's backoff: the response's `Retry-After` (cut to `maxRetryAfter`), else exponential
/// growth from `baseDelay` with full jitter, capped at `maxDelay`.
std::chrono::milliseconds graphBackoff(const RetryOptions& options, int attempt,
                                       const HttpResponse* response);

/// What differs between the retry loops of Graph calls and of token requests.
struct RetryStyle {
  /// How long to wait before each retry.
  Backoff backoff = graphBackoff;
  /// What is retried, as errors name it ("the request", "the token request").
  std::string subject = "the request";
  /// Whether retries carry Graph's `Retry-Attempt: N` header (the identity platform's requests
  /// do not).
  bool sendsRetryAttempt = true;
  /// Where each wait is announced before it starts, at Info ("waiting 180 s after HTTP 429 to
  /// retry the request, attempt 2 of 4"), so that a long wait is never a silent hang.
  LogSink log;
};

/// Retries throttled and failed attempts as RetryOptions describes (the call's own options when
/// it has them), never past the call's deadline, and waits in a way cancellation interrupts.
/// The one retry loop of the library: Graph calls and token requests both go through it.
class RetryPolicy final : public HttpPolicy {
 public:
  explicit RetryPolicy(RetryOptions options, RetryStyle style = {});
  std::string_view name() const noexcept override { return "retry"; }
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;

 private:
  RetryOptions options_;  // already clamped
  RetryStyle style_;
};

/// Logs each attempt (request line and redacted headers at Verbose, outcome at Info).
class LoggingPolicy final : public HttpPolicy {
 public:
  explicit LoggingPolicy(LogSink log);
  std::string_view name() const noexcept override { return "logging"; }
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;

 private:
  LogSink log_;
};

}  // namespace msgraph::detail
