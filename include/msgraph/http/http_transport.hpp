// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/export.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph {

/// @brief The seam between the library and the wire: sends one request, returns its response.
///
/// `CurlTransport` is the default; `msgraph::testing::MockTransport` answers without a network;
/// users may plug their own (an in-house HTTP stack, say). An implementation returns any
/// HTTP response it received, whatever its status (error statuses are the pipeline's business),
/// and throws `TransportError` only when no response arrived. It must be safe to call from
/// several threads at once, because a `GraphClient` is shared across threads.
class MSGRAPH_API HttpTransport {
 public:
  virtual ~HttpTransport();

  /// @brief Sends `request` and returns the response.
  /// @param request the fully prepared request (URL encoded, every header set).
  /// @param context per-call settings; honour `context.timeout()`, and stop for
  /// `context.deadline()` and `context.cancellation()`.
  /// @throws TransportError when no complete HTTP response was received; pass `gotResponse`
  /// true when part of one had arrived, since the retry policy resends idempotent requests
  /// only when it is false. @throws CancelledError or DeadlineExceededError when the call
  /// was stopped.
  virtual HttpResponse send(const HttpRequest& request, const CallContext& context) = 0;
};

}  // namespace msgraph
