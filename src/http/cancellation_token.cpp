// SPDX-License-Identifier: MIT
#include "msgraph/http/cancellation_token.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace msgraph {

// The flag is atomic so the hot checks never lock; the mutex and condition variable exist only
// so that a waiting thread wakes the moment cancel() is called, not at its next poll.
struct CancellationToken::State {
  std::atomic<bool> cancelled{false};
  std::mutex mutex;
  std::condition_variable changed;
};

CancellationToken::CancellationToken() : state_(std::make_shared<State>()) {}

void CancellationToken::cancel() noexcept {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->cancelled = true;
  }
  state_->changed.notify_all();
}

bool CancellationToken::isCancelled() const noexcept { return state_->cancelled; }

bool CancellationToken::waitFor(std::chrono::milliseconds duration) const {
  std::unique_lock<std::mutex> lock(state_->mutex);
  return state_->changed.wait_for(lock, duration, [this] { return state_->cancelled.load(); });
}

}  // namespace msgraph
