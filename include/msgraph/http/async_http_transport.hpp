// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>

#include "msgraph/export.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph {

/// @brief The seam between async calls (`sendAsync()`) and the wire: an event loop that runs
/// many requests at once on one thread, and lends that thread to the async pipeline.
///
/// `CurlMultiTransport` is the default; `msgraph::testing::MockAsyncTransport` answers without
/// a network. Everything an implementation calls back (completions, posted tasks, timers) runs
/// on its one loop thread, one at a time, so the async pipeline keeps per-call state without
/// locks; a callback must not block that thread. `start`, `schedule` and `cancelTimer` are
/// called on the loop thread only; `post` and `isLoopThread` on any thread.
///
/// Like `HttpTransport`, it answers any HTTP response it received, whatever its status, and
/// fails with `TransportError` only when no complete response arrived (`gotResponse` true when
/// part of one had), with `CancelledError` when the context's token was cancelled, and with
/// `DeadlineExceededError` when the context's deadline passed. A transport being destroyed
/// completes everything still pending (`CancelledError` for what it stops); no completion is
/// lost and none runs after the destructor returns.
class MSGRAPH_API AsyncHttpTransport {
 public:
  /// @brief Receives the outcome of one request: `error` is null and `response` the answer, or
  /// `error` holds the `TransportError`, `CancelledError` or `DeadlineExceededError`.
  using Completion = std::function<void(HttpResponse response, std::exception_ptr error)>;
  /// @brief Work run on the loop thread.
  using Task = std::function<void()>;
  /// @brief Names a timer made by `schedule`; never 0.
  using TimerId = std::uint64_t;

  virtual ~AsyncHttpTransport();

  /// @brief Starts sending `request`; `done` runs on the loop thread when it ends (never inside
  /// this call). Loop thread only.
  /// @param request the fully prepared request; it must stay valid and unchanged until `done`
  /// runs (the async pipeline owns it for the whole call).
  /// @param context per-call settings, valid until `done` runs: honour `timeout()`, and stop at
  /// once for `deadline()` and `cancellation()`, also on a connection that sends nothing.
  virtual void start(const HttpRequest& request, const CallContext& context, Completion done) = 0;

  /// @brief Runs `task` on the loop thread soon, waking the loop; from any thread. Tasks run in
  /// the order posted.
  virtual void post(Task task) = 0;

  /// @brief Runs `task` on the loop thread after `delay` (a wait of the loop, not of a thread).
  /// Loop thread only. @return the timer's id, for `cancelTimer`.
  virtual TimerId schedule(std::chrono::milliseconds delay, Task task) = 0;

  /// @brief Drops a timer that has not fired yet. Loop thread only.
  /// @return whether the timer was still pending (its task then never runs).
  virtual bool cancelTimer(TimerId id) = 0;

  /// @brief Whether the calling thread is the loop thread.
  virtual bool isLoopThread() const noexcept = 0;
};

}  // namespace msgraph
