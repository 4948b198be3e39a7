// SPDX-License-Identifier: MIT
#include "diagnostics/logged_exchange.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

LoggingPolicy::LoggingPolicy(LogSink log) : log_(std::move(log)) {}

HttpResponse LoggingPolicy::send(HttpRequest& request, const CallContext& context,
                                 const NextPolicy& next) {
  if (next.isPreview()) return next.send(request, context);
  return loggedExchange(log_, request, [&] { return next.send(request, context); });
}

}  // namespace msgraph::detail
