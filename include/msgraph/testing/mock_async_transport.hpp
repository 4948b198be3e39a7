// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/http/async_http_transport.hpp"

namespace msgraph::testing {

/// @brief An async transport for unit tests: records every request, answers without a network,
/// and keeps time on a virtual clock, so retry waits take no time and a test never sleeps.
///
/// Answers come from a queue (`enqueue`) or, when it is empty, from a handler, as with
/// `MockTransport`; with neither, the request fails with a `TransportError` saying so. A handler
/// runs on the mock's loop thread and may throw `TransportError` to simulate a failure. The mock
/// runs its own loop thread (started by the constructor, joined by the destructor), so
/// `sendAsync()` behaves as with `CurlMultiTransport`: completions, posted tasks and timers run
/// on that thread.
///
/// Time: a timer (`schedule`, which the async pipeline uses for retry waits) fires as soon as
/// the loop has nothing else to do, in order of due time, advancing the virtual clock to its due
/// time; `timerDelays()` tells what was asked. With `holdTimers(true)` timers fire only as
/// `advance()` moves the clock past them (to test what happens during a wait).
/// With `holdResponses(true)` requests stay in flight until `releaseHeld()` or their call's
/// cancellation (to test cancellation in flight). Thread-safe.
///
/// @code
/// auto mock = std::make_shared<msgraph::testing::MockAsyncTransport>();
/// mock->enqueue(429).enqueue(204);
/// msgraph::GraphClient client{msgraph::ClientOptions{}.asyncTransport(mock)};
/// auto result = sync.put(policy).sendAsync().get();
/// REQUIRE(mock->timerDelays().size() == 1);
/// @endcode
class MSGRAPH_API MockAsyncTransport final : public AsyncHttpTransport {
 public:
  /// @brief Computes the answer to a request (may throw `TransportError` to simulate one).
  using Handler = std::function<HttpResponse(const HttpRequest& request)>;

  /// @brief A mock with an empty queue and no handler.
  MockAsyncTransport();
  /// @brief A mock that answers every request with `handler`.
  explicit MockAsyncTransport(Handler handler);
  /// @brief Completes what is still pending (held requests fail with `CancelledError`, timers
  /// fire) and joins the loop thread.
  ~MockAsyncTransport() override;
  MockAsyncTransport(const MockAsyncTransport&) = delete;
  MockAsyncTransport& operator=(const MockAsyncTransport&) = delete;

  /// @brief Queues a whole response.
  MockAsyncTransport& enqueue(HttpResponse response);
  /// @brief Queues a response with `status`, `body` and a JSON content type if `body` is set.
  MockAsyncTransport& enqueue(int status, std::string body = {});
  /// @brief Sets the handler used when the queue is empty.
  MockAsyncTransport& handler(Handler handler);
  /// @brief Whether timers wait for `advance()` instead of firing when the loop is idle.
  MockAsyncTransport& holdTimers(bool hold);
  /// @brief Whether requests stay in flight until `releaseHeld()` or cancellation.
  MockAsyncTransport& holdResponses(bool hold);

  /// @brief Moves the virtual clock forward by `duration`, firing the timers it passes.
  void advance(std::chrono::milliseconds duration);
  /// @brief Answers every held request now (from the queue or handler).
  void releaseHeld();

  /// @brief Every request received, in order (copies, safe to keep).
  std::vector<HttpRequest> requests() const;
  /// @brief How many requests were received.
  std::size_t requestCount() const;
  /// @brief How many requests are held in flight now.
  std::size_t heldCount() const;
  /// @brief The delay of every timer scheduled so far, in order.
  std::vector<std::chrono::milliseconds> timerDelays() const;
  /// @brief How many timers are pending now.
  std::size_t pendingTimers() const;
  /// @brief The virtual clock: the time timers have advanced it by.
  std::chrono::milliseconds now() const;

  void start(const HttpRequest& request, const CallContext& context, Completion done) override;
  void post(Task task) override;
  TimerId schedule(std::chrono::milliseconds delay, Task task) override;
  bool cancelTimer(TimerId id) override;
  bool isLoopThread() const noexcept override;

 private:
  struct Held;
  struct Timer {
    TimerId id;
    Task task;
  };
  void run();
  void answer(const HttpRequest& request, const CallContext& context, Completion done);
  bool nextTimer(std::unique_lock<std::mutex>& lock, bool evenIfHeld);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<HttpResponse> queue_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
  std::deque<Task> tasks_;
  std::multimap<std::chrono::milliseconds, Timer> timers_;  // by virtual due time
  std::vector<std::chrono::milliseconds> timerDelays_;
  std::vector<std::shared_ptr<Held>> held_;
  std::chrono::milliseconds now_{0};
  std::chrono::milliseconds advanceTo_{0};
  TimerId nextTimer_ = 1;
  bool holdTimers_ = false;
  bool holdResponses_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace msgraph::testing
