#pragma once

#include <chrono>
#include <string>

#include "http/redaction.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/pipeline/log.hpp"

namespace msgraph::detail {

/// Sends `request` through `send`, telling `logger` about it: the redacted request at Verbose,
/// then the outcome (status, elapsed time, `request-id`) at Info, or Warning for an error status
/// or a failure. Shared by the Graph pipeline's logging policy and the token endpoint, so both
/// log alike and through the one redaction routine. Bodies of responses are never logged.
template <typename Send>
HttpResponse loggedExchange(const Logger& logger, const HttpRequest& request, Send&& send) {
  if (!logger) return send();
  logger(LogLevel::Verbose, "request: " + request.toDisplayString());
  const std::string line = std::string(toString(request.method)) + " " + redactUrl(request.url);
  const auto start = std::chrono::steady_clock::now();
  try {
    HttpResponse response = send();
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    std::string outcome = line + " -> " + std::to_string(response.status) + " in " +
                          std::to_string(elapsed.count()) + " ms";
    if (auto id = response.headers.get("request-id")) outcome += " request-id=" + std::string(*id);
    logger(response.status >= 400 ? LogLevel::Warning : LogLevel::Info, outcome);
    return response;
  } catch (const Error& error) {
    logger(LogLevel::Warning, line + " failed: " + error.what());
    throw;
  }
}

}  // namespace msgraph::detail
