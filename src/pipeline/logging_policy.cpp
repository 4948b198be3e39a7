// SPDX-License-Identifier: MIT
#include "msgraph/error.hpp"
#include "pipeline/attempt_log.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

LoggingPolicy::LoggingPolicy(LogSink log) : log_(std::move(log)) {}

// Graph calls and token requests both log through this policy (and async calls through the same
// AttemptLog), so all log alike and through the one redaction routine.
HttpResponse LoggingPolicy::send(HttpRequest& request, const CallContext& context,
                                 const NextPolicy& next) {
  if (next.isPreview() || !log_.wants(LogLevel::Warning)) return next.send(request, context);
  const AttemptLog attempt(log_, request);
  try {
    HttpResponse response = next.send(request, context);
    attempt.answered(response);
    return response;
  } catch (const Error& error) {
    attempt.failed(error);
    throw;
  }
}

}  // namespace msgraph::detail
