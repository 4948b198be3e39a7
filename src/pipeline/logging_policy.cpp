#include <chrono>

#include "msgraph/error.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

LoggingPolicy::LoggingPolicy(Logger logger) : logger_(std::move(logger)) {}

HttpResponse LoggingPolicy::send(HttpRequest& request, const CallContext& context,
                                 const NextPolicy& next) {
  if (!logger_ || context.isPreview()) return next.send(request, context);
  logger_(LogLevel::Verbose, "request: " + request.toDisplayString());
  const std::string line = std::string(toString(request.method)) + " " + request.url;
  const auto start = std::chrono::steady_clock::now();
  try {
    HttpResponse response = next.send(request, context);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    std::string outcome = line + " -> " + std::to_string(response.status) + " in " +
                          std::to_string(elapsed.count()) + " ms";
    if (auto id = response.headers.get("request-id")) outcome += " request-id=" + std::string(*id);
    logger_(response.status >= 400 ? LogLevel::Warning : LogLevel::Info, outcome);
    return response;
  } catch (const Error& error) {
    logger_(LogLevel::Warning, line + " failed: " + error.what());
    throw;
  }
}

}  // namespace msgraph::detail
