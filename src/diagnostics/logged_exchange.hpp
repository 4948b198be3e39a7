// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "diagnostics/log_sink.hpp"
#include "diagnostics/redaction.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

/// Sends `request` through `send`, telling `log` about it: the redacted request at Verbose,
/// then the outcome (status, elapsed time, `request-id`) at Info, or Warning for an error status
/// or a failure. Shared by the Graph pipeline's logging policy and the token endpoint, so both
/// log alike and through the one redaction routine. Bodies of responses are never logged.
///
/// A template over the message types so that diagnostics stays below the http layer: `Request`
/// has `method` (with a `toString` found by lookup), `url` and `toDisplayString()`, and what
/// `send` returns has `status` and `headers.get(name)` (HttpRequest and HttpResponse do).
template <typename Request, typename Send>
auto loggedExchange(const LogSink& log, const Request& request, Send&& send) -> decltype(send()) {
  if (!log.wants(LogLevel::Warning)) return send();
  if (log.wants(LogLevel::Verbose)) log(LogLevel::Verbose, "request: " + request.toDisplayString());
  const std::string line = std::string(toString(request.method)) + " " + redactUrl(request.url);
  const auto start = std::chrono::steady_clock::now();
  try {
    auto response = send();
    const LogLevel level = response.status >= 400 ? LogLevel::Warning : LogLevel::Info;
    if (log.wants(level)) {
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start);
      std::string outcome = line + " -> " + std::to_string(response.status) + " in " +
                            std::to_string(elapsed.count()) + " ms";
      if (auto id = response.headers.get("request-id")) {
        outcome += " request-id=" + std::string(*id);
      }
      log(level, outcome);
    }
    return response;
  } catch (const Error& error) {
    log(LogLevel::Warning, line + " failed: " + error.what());
    throw;
  }
}

}  // namespace msgraph::detail
