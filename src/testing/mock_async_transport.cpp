// SPDX-License-Identifier: MIT
#include "msgraph/testing/mock_async_transport.hpp"

#include <algorithm>
#include <utility>

#include "msgraph/error.hpp"
#include "testing/canned_response.hpp"

namespace msgraph::testing {

namespace {
thread_local const MockAsyncTransport* runningMock = nullptr;
}  // namespace

// A request kept in flight (holdResponses): what its completion needs, and the cancellation
// registration that ends it early.
struct MockAsyncTransport::Held {
  std::uint64_t id = 0;
  const HttpRequest* request = nullptr;
  const CallContext* context = nullptr;
  Completion done;
  CancellationToken::Subscription cancelled;
};

MockAsyncTransport::MockAsyncTransport() : thread_([this] { run(); }) {}

MockAsyncTransport::MockAsyncTransport(Handler handler) : MockAsyncTransport() {
  this->handler(std::move(handler));
}

MockAsyncTransport::~MockAsyncTransport() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

MockAsyncTransport& MockAsyncTransport::enqueue(HttpResponse response) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.push_back(std::move(response));
  return *this;
}

MockAsyncTransport& MockAsyncTransport::enqueue(int status, std::string body) {
  return enqueue(detail::cannedResponse(status, std::move(body)));
}

MockAsyncTransport& MockAsyncTransport::handler(Handler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  handler_ = std::move(handler);
  return *this;
}

MockAsyncTransport& MockAsyncTransport::holdTimers(bool hold) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    holdTimers_ = hold;
    advanceTo_ = now_;
  }
  wake_.notify_all();
  return *this;
}

MockAsyncTransport& MockAsyncTransport::holdResponses(bool hold) {
  std::lock_guard<std::mutex> lock(mutex_);
  holdResponses_ = hold;
  return *this;
}

void MockAsyncTransport::advance(std::chrono::milliseconds duration) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    advanceTo_ = std::max(advanceTo_, now_) + duration;
  }
  wake_.notify_all();
}

void MockAsyncTransport::releaseHeld() {
  post([this] {
    std::vector<std::shared_ptr<Held>> held;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      held.swap(held_);
    }
    for (auto& one : held) {
      one->cancelled = {};
      answer(*one->request, *one->context, std::move(one->done));
    }
  });
}

std::vector<HttpRequest> MockAsyncTransport::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::size_t MockAsyncTransport::requestCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

std::size_t MockAsyncTransport::heldCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return held_.size();
}

std::vector<std::chrono::milliseconds> MockAsyncTransport::timerDelays() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return timerDelays_;
}

std::size_t MockAsyncTransport::pendingTimers() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return timers_.size();
}

std::chrono::milliseconds MockAsyncTransport::now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_;
}

void MockAsyncTransport::start(const HttpRequest& request, const CallContext& context,
                               Completion done) {
  std::unique_lock<std::mutex> lock(mutex_);
  requests_.push_back(request);
  if (!holdResponses_) {
    lock.unlock();
    answer(request, context, std::move(done));
    return;
  }
  auto held = std::make_shared<Held>();
  held->id = nextTimer_++;  // any unique number will do
  held->request = &request;
  held->context = &context;
  held->done = std::move(done);
  held_.push_back(held);
  lock.unlock();
  if (!context.cancellation()) return;
  // The callback runs on the cancelling thread; the loop ends the request.
  held->cancelled = context.cancellation()->subscribe([this, id = held->id] {
    post([this, id] {
      std::shared_ptr<Held> found;
      {
        std::lock_guard<std::mutex> guard(mutex_);
        auto it = std::find_if(held_.begin(), held_.end(),
                               [id](const std::shared_ptr<Held>& one) { return one->id == id; });
        if (it == held_.end()) return;  // answered meanwhile
        found = std::move(*it);
        held_.erase(it);
      }
      Completion finish = std::move(found->done);
      finish(HttpResponse{},
             std::make_exception_ptr(CancelledError("the call was cancelled during the transfer")));
    });
  });
}

// Answers on a later turn of the loop, never inside start().
void MockAsyncTransport::answer(const HttpRequest& request, const CallContext& context,
                                Completion done) {
  HttpResponse response;
  std::exception_ptr error;
  try {
    if (context.isCancelled()) throw CancelledError("the call was cancelled during the transfer");
    if (context.deadline() && CallContext::Clock::now() >= *context.deadline()) {
      throw DeadlineExceededError("the call's deadline passed during the transfer");
    }
    Handler handler;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!queue_.empty()) {
        response = std::move(queue_.front());
        queue_.pop_front();
      } else {
        handler = handler_;
      }
    }
    if (response.status == 0) {
      if (!handler) {
        throw TransportError(TransportError::Kind::Other,
                             "MockAsyncTransport has no queued response and no handler for " +
                                 std::string(toString(request.method)) + " " + request.url);
      }
      response = handler(request);  // outside the lock, so a handler may use the mock itself
    }
  } catch (...) {
    error = std::current_exception();
  }
  post([done = std::move(done), response = std::move(response),
        error = std::move(error)]() mutable { done(std::move(response), error); });
}

void MockAsyncTransport::post(Task task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  wake_.notify_all();
}

AsyncHttpTransport::TimerId MockAsyncTransport::schedule(std::chrono::milliseconds delay,
                                                         Task task) {
  std::lock_guard<std::mutex> lock(mutex_);
  const TimerId id = nextTimer_++;
  timers_.emplace(now_ + delay, Timer{id, std::move(task)});
  timerDelays_.push_back(delay);
  return id;
}

bool MockAsyncTransport::cancelTimer(TimerId id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = timers_.begin(); it != timers_.end(); ++it) {
    if (it->second.id == id) {
      timers_.erase(it);
      return true;
    }
  }
  return false;
}

bool MockAsyncTransport::isLoopThread() const noexcept { return runningMock == this; }

// Fires the first timer if the clock may reach it, moving the clock to its due time.
bool MockAsyncTransport::nextTimer(std::unique_lock<std::mutex>& lock, bool evenIfHeld) {
  if (timers_.empty()) return false;
  auto first = timers_.begin();
  if (holdTimers_ && !evenIfHeld && first->first > advanceTo_) return false;
  now_ = std::max(now_, first->first);
  Task task = std::move(first->second.task);
  timers_.erase(first);
  lock.unlock();
  task();
  lock.lock();
  return true;
}

void MockAsyncTransport::run() {
  runningMock = this;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (!tasks_.empty()) {
      Task task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      lock.lock();
      continue;
    }
    if (nextTimer(lock, stopping_)) continue;
    if (holdTimers_ && advanceTo_ > now_) now_ = advanceTo_;
    if (stopping_) {
      if (held_.empty()) break;
      std::vector<std::shared_ptr<Held>> held;
      held.swap(held_);
      lock.unlock();
      for (auto& one : held) {
        one->cancelled = {};
        one->done(HttpResponse{}, std::make_exception_ptr(CancelledError(
                                      "the mock transport was destroyed during the transfer")));
      }
      lock.lock();
      continue;
    }
    wake_.wait(lock);
  }
  runningMock = nullptr;
}

}  // namespace msgraph::testing
