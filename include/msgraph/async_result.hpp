// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "msgraph/error.hpp"
#include "msgraph/result.hpp"

namespace msgraph {

namespace detail {
/// The state an `AsyncResult` shares with the call that fills it in.
template <typename T>
class AsyncSlot {
 public:
  // Notified under the lock: a waiter that wakes takes the result, drops the last reference
  // and destroys the slot only after this call has let go of it.
  void set(Result<T> result) {
    std::lock_guard<std::mutex> lock(mutex_);
    result_.emplace(std::move(result));
    ready_ = true;
    filled_.notify_all();
  }
  bool ready() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return ready_;
  }
  bool waitFor(std::chrono::milliseconds timeout) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return filled_.wait_for(lock, timeout, [this] { return ready_; });
  }
  Result<T> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    filled_.wait(lock, [this] { return ready_; });
    if (!result_) {
      return std::shared_ptr<const Error>(
          std::make_shared<ValidationError>("AsyncResult", "get() was already called"));
    }
    Result<T> result = std::move(*result_);
    result_.reset();
    return result;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable filled_;
  std::optional<Result<T>> result_;
  bool ready_ = false;
};
}  // namespace detail

/// @brief The pending outcome of an async call (`sendAsync()`): wait for it, poll it, or take
/// it. The future-like counterpart of what `send()` returns.
///
/// The result is the very `Result<T>` that `send()` gives for the same call: the same value or
/// the same error (with its attempts). Safe to wait on from any thread but the transport's loop
/// thread (a completion callback runs there; waiting in it would wait forever). Movable, not
/// copyable; dropping it does not cancel the call (use a `CancellationToken`).
///
/// @code
/// auto pending = sync.get().sendAsync();
/// ... other work ...
/// msgraph::Result<msgraph::Response<Policy>> result = pending.get();
/// @endcode
template <typename T>
class AsyncResult {
 public:
  /// @brief Wraps the slot a call fills in (made by `sendAsync()`).
  explicit AsyncResult(std::shared_ptr<detail::AsyncSlot<T>> slot) : slot_(std::move(slot)) {}

  /// @brief Whether the call has ended (`get()` would not wait).
  bool ready() const { return slot_->ready(); }
  /// @brief Waits until the call has ended.
  void wait() const { slot_->waitFor(std::chrono::milliseconds::max()); }
  /// @brief Waits at most `timeout`. @return whether the call has ended.
  bool waitFor(std::chrono::milliseconds timeout) const { return slot_->waitFor(timeout); }
  /// @brief Waits until the call has ended and returns its result, moved out; a second `get()`
  /// returns a `ValidationError`. Never throws for library errors.
  Result<T> get() { return slot_->take(); }

 private:
  std::shared_ptr<detail::AsyncSlot<T>> slot_;
};

}  // namespace msgraph
