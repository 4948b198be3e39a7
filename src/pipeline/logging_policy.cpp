#include "http/logged_exchange.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

LoggingPolicy::LoggingPolicy(Logger logger) : logger_(std::move(logger)) {}

HttpResponse LoggingPolicy::send(HttpRequest& request, const CallContext& context,
                                 const NextPolicy& next) {
  if (context.isPreview()) return next.send(request, context);
  return loggedExchange(logger_, request, [&] { return next.send(request, context); });
}

}  // namespace msgraph::detail
