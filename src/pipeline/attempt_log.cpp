// SPDX-License-Identifier: MIT
#include "pipeline/attempt_log.hpp"

#include "core/printable_excerpt.hpp"
#include "diagnostics/redaction.hpp"

namespace msgraph::detail {

AttemptLog::AttemptLog(const LogSink& log, const HttpRequest& request) {
  if (!log.wants(LogLevel::Warning)) return;
  log_ = &log;
  if (log.wants(LogLevel::Verbose)) {
    log(LogLevel::Verbose, "request: " + request.toDisplayString());
  }
  line_ = std::string(toString(request.method)) + " " + redactUrl(request.url);
  start_ = std::chrono::steady_clock::now();
}

void AttemptLog::answered(const HttpResponse& response) const {
  if (log_ == nullptr) return;
  const LogLevel level = response.status >= 400 ? LogLevel::Warning : LogLevel::Info;
  if (!log_->wants(level)) return;
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start_);
  std::string outcome = line_ + " -> " + std::to_string(response.status) + " in " +
                        std::to_string(elapsed.count()) + " ms";
  if (auto id = response.headers.get("request-id")) {
    outcome += " request-id=" + printableExcerpt(*id, 100);  // the server's text
  }
  (*log_)(level, outcome);
}

void AttemptLog::failed(const Error& error) const {
  if (log_ != nullptr) (*log_)(LogLevel::Warning, line_ + " failed: " + error.what());
}

}  // namespace msgraph::detail
