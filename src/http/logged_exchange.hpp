#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/redaction.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/pipeline/log.hpp"

namespace msgraph::detail {

/// A logger and the least severe level it takes.
struct LogSink {
  Logger logger;
  LogLevel level = LogLevel::Verbose;

  /// Whether a line of `lineLevel` goes out (and so is worth building).
  bool wants(LogLevel lineLevel) const noexcept { return logger && lineLevel <= level; }
  /// Passes the line on if it is wanted.
  void operator()(LogLevel lineLevel, std::string_view message) const {
    if (wants(lineLevel)) logger(lineLevel, message);
  }
};

/// Sends `request` through `send`, telling `log` about it: the redacted request at Verbose,
/// then the outcome (status, elapsed time, `request-id`) at Info, or Warning for an error status
/// or a failure. Shared by the Graph pipeline's logging policy and the token endpoint, so both
/// log alike and through the one redaction routine. Bodies of responses are never logged.
template <typename Send>
HttpResponse loggedExchange(const LogSink& log, const HttpRequest& request, Send&& send) {
  if (!log.wants(LogLevel::Warning)) return send();
  if (log.wants(LogLevel::Verbose)) log(LogLevel::Verbose, "request: " + request.toDisplayString());
  const std::string line = std::string(toString(request.method)) + " " + redactUrl(request.url);
  const auto start = std::chrono::steady_clock::now();
  try {
    HttpResponse response = send();
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
