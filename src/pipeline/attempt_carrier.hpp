// SPDX-License-Identifier: MIT
#pragma once

#include <exception>
#include <functional>

#include "msgraph/error.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph::detail {

/// Carries each attempt of an async call in place of the transport: the hook by which a fleet
/// run sends its items' requests inside `$batch` envelopes. The call keeps its own steps
/// (client-request-id, retries and their waits, logging, attempt records); only the transfer
/// is the carrier's, and the call does not authorize the request: the carrier's own request
/// (the envelope) is. Loop thread only.
class AttemptCarrier {
 public:
  /// Receives the attempt's answer (any status), or the failure that left it without one.
  using Carried = std::function<void(HttpResponse response, std::exception_ptr error)>;

  virtual ~AttemptCarrier();
  /// Sends `request` (now or later) and calls `done` once, on the loop thread, never inside
  /// this call. A request dropped unsent (the run stopped before it was handed over or while it
  /// waited for its envelope) gets a `NotSentError`.
  virtual void carry(HttpRequest request, const CallContext& context, Carried done) = 0;
};

/// A request that never went because its fleet run stopped first: refused at its gate
/// (`AttemptGate::kRefused`), or dropped by its carrier. The call ends with it, as a
/// `CancelledError` and records no attempt, since none was made (dropped by a carrier, the
/// request was handed over: a Verbose log has its request line, and no answer).
class NotSentError final : public CancelledError {
 public:
  NotSentError();
};

}  // namespace msgraph::detail
