// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>

#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph::detail {

/// Admits each attempt of an async call before it is sent and hears how it ended: the hook by
/// which a fleet run's quota scheduler paces every request on the wire, retries included (a
/// retry's own wait, Retry-After say, comes first; then the gate). Loop thread only.
///
/// A call waiting for admission is not woken by its cancellation token or deadline: the gate's
/// owner (the fleet run) admits everything at once when it cancels, and the call then finds
/// itself stopped before it sends anything.
class AttemptGate {
 public:
  /// Lets the attempt go; `pass` names it in `ended`. `kRefused` instead: it must not go, and
  /// the call ends with `CancelledError` (a fleet run that stops refuses the items that have
  /// sent nothing yet).
  using Admitted = std::function<void(std::uint64_t pass)>;
  static constexpr std::uint64_t kRefused = 0;

  virtual ~AttemptGate();
  /// Calls `proceed` (now or later, on the loop thread, never twice) when `request` may go.
  virtual void admit(const HttpRequest& request, Admitted proceed) = 0;
  /// The admitted attempt `pass` ended with `response`, or with no response (null): a transport
  /// failure, a cancellation, or a refusal before it was sent.
  virtual void ended(std::uint64_t pass, const HttpResponse* response) = 0;
};

}  // namespace msgraph::detail
