// SPDX-License-Identifier: MIT
#include "msgraph/http/cancellation_token.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace msgraph {

// The flag is atomic so the hot checks never lock; the mutex and condition variable exist only
// so that a waiting thread wakes the moment cancel() is called, not at its next poll, and so
// that a subscription can be dropped while cancel() runs callbacks on another thread.
namespace detail {
struct CancellationState {
  std::atomic<bool> cancelled{false};
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::pair<std::uint64_t, std::function<void()>>> callbacks;
  std::uint64_t nextId = 1;
  std::uint64_t running = 0;  // the id of the callback cancel() is running, or 0
  std::thread::id runner;     // the thread that runs it
};
}  // namespace detail

using detail::CancellationState;

CancellationToken::CancellationToken() : state_(std::make_shared<CancellationState>()) {}

void CancellationToken::cancel() noexcept {
  std::unique_lock<std::mutex> lock(state_->mutex);
  state_->cancelled = true;
  state_->runner = std::this_thread::get_id();
  // One at a time, unlocked while it runs: a callback may take locks of its own.
  while (!state_->callbacks.empty()) {
    auto [id, callback] = std::move(state_->callbacks.back());
    state_->callbacks.pop_back();
    state_->running = id;
    lock.unlock();
    try {
      callback();
    } catch (...) {  // documented: dropped, cancel() is noexcept
    }
    lock.lock();
    state_->running = 0;
    state_->changed.notify_all();
  }
  lock.unlock();
  state_->changed.notify_all();
}

bool CancellationToken::isCancelled() const noexcept { return state_->cancelled; }

bool CancellationToken::waitFor(std::chrono::milliseconds duration) const {
  std::unique_lock<std::mutex> lock(state_->mutex);
  return state_->changed.wait_for(lock, duration, [this] { return state_->cancelled.load(); });
}

CancellationToken::Subscription CancellationToken::subscribe(std::function<void()> callback) const {
  Subscription subscription;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (!state_->cancelled) {
      subscription.state_ = state_;
      subscription.id_ = state_->nextId++;
      state_->callbacks.emplace_back(subscription.id_, std::move(callback));
      return subscription;
    }
  }
  try {
    callback();
  } catch (...) {  // as when cancel() runs it
  }
  return subscription;
}

CancellationToken::Subscription::~Subscription() { reset(); }

CancellationToken::Subscription::Subscription(Subscription&& other) noexcept
    : state_(std::move(other.state_)), id_(std::exchange(other.id_, 0)) {}

CancellationToken::Subscription& CancellationToken::Subscription::operator=(
    Subscription&& other) noexcept {
  if (this != &other) {
    reset();
    state_ = std::move(other.state_);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

void CancellationToken::Subscription::reset() noexcept {
  if (state_ == nullptr) return;
  std::unique_lock<std::mutex> lock(state_->mutex);
  auto& callbacks = state_->callbacks;
  for (auto it = callbacks.begin(); it != callbacks.end(); ++it) {
    if (it->first == id_) {
      callbacks.erase(it);
      break;
    }
  }
  // A callback running on another thread must return before its captures can go; on this
  // thread (the callback drops its own subscription) there is nothing to wait for.
  if (state_->running == id_ && state_->runner != std::this_thread::get_id()) {
    state_->changed.wait(lock, [this] { return state_->running != id_; });
  }
  lock.unlock();
  state_->changed.notify_all();
  state_.reset();
  id_ = 0;
}

}  // namespace msgraph
