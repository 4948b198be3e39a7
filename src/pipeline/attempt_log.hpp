// SPDX-License-Identifier: MIT
#pragma once

// The log lines of one attempt, as the blocking LoggingPolicy and the async pipeline write them:
// the redacted request at Verbose, then the outcome (status, elapsed time, `request-id`) at
// Info, or Warning for an error status or a failure. Bodies of responses are never logged.
#include <chrono>
#include <string>

#include "diagnostics/log_sink.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph::detail {

class AttemptLog {
 public:
  /// An attempt that logs nothing.
  AttemptLog() = default;
  /// Logs `request` at Verbose and starts the attempt's clock; nothing when `log` takes no
  /// Warning (then nothing of the attempt is logged at all).
  AttemptLog(const LogSink& log, const HttpRequest& request);

  /// Logs the response's status line.
  void answered(const HttpResponse& response) const;
  /// Logs why no response came.
  void failed(const Error& error) const;

 private:
  const LogSink* log_ = nullptr;
  std::string line_;  // "PUT <redacted URL>"
  std::chrono::steady_clock::time_point start_;
};

}  // namespace msgraph::detail
