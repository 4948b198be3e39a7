// SPDX-License-Identifier: MIT
#include <chrono>
#include <string>

#include "core/printable_excerpt.hpp"
#include "diagnostics/redaction.hpp"
#include "msgraph/error.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

LoggingPolicy::LoggingPolicy(LogSink log) : log_(std::move(log)) {}

// The redacted request at Verbose, then the outcome (status, elapsed time, `request-id`) at
// Info, or Warning for an error status or a failure. Graph calls and token requests both log
// through this policy, so both log alike and through the one redaction routine. Bodies of
// responses are never logged.
HttpResponse LoggingPolicy::send(HttpRequest& request, const CallContext& context,
                                 const NextPolicy& next) {
  if (next.isPreview() || !log_.wants(LogLevel::Warning)) return next.send(request, context);
  if (log_.wants(LogLevel::Verbose)) {
    log_(LogLevel::Verbose, "request: " + request.toDisplayString());
  }
  const std::string line = std::string(toString(request.method)) + " " + redactUrl(request.url);
  const auto start = std::chrono::steady_clock::now();
  try {
    HttpResponse response = next.send(request, context);
    const LogLevel level = response.status >= 400 ? LogLevel::Warning : LogLevel::Info;
    if (log_.wants(level)) {
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start);
      std::string outcome = line + " -> " + std::to_string(response.status) + " in " +
                            std::to_string(elapsed.count()) + " ms";
      if (auto id = response.headers.get("request-id")) {
        outcome += " request-id=" + printableExcerpt(*id, 100);  // the server's text
      }
      log_(level, outcome);
    }
    return response;
  } catch (const Error& error) {
    log_(LogLevel::Warning, line + " failed: " + error.what());
    throw;
  }
}

}  // namespace msgraph::detail
