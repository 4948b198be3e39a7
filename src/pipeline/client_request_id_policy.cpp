// SPDX-License-Identifier: MIT
#include "pipeline/builtin_policies.hpp"
#include "support/uuid.hpp"

namespace msgraph::detail {

void ClientRequestIdPolicy::apply(HttpRequest& request) {
  if (!request.headers.contains("client-request-id")) {
    request.headers.add("client-request-id", newUuid());
  }
}

HttpResponse ClientRequestIdPolicy::send(HttpRequest& request, const CallContext& context,
                                         const NextPolicy& next) {
  apply(request);
  return next.send(request, context);
}

}  // namespace msgraph::detail
