#pragma once

#include <memory>
#include <random>
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
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;
};

/// Sets `User-Agent` and Graph's `SdkVersion` telemetry header.
class UserAgentPolicy final : public HttpPolicy {
 public:
  explicit UserAgentPolicy(const std::string& applicationId);
  std::string_view name() const noexcept override { return "user-agent"; }
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;

 private:
  std::string userAgent_;
};

/// Retries throttled and failed attempts as RetryOptions describes (the call's own options when
/// it has them), never past the call's deadline, and waits in a way cancellation interrupts.
class RetryPolicy final : public HttpPolicy {
 public:
  explicit RetryPolicy(RetryOptions options);
  std::string_view name() const noexcept override { return "retry"; }
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;

 private:
  RetryOptions options_;  // already clamped
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
