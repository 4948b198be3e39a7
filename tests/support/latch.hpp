// SPDX-License-Identifier: MIT
#pragma once

// A one-shot countdown for tests that need one thread to wait until others have reached a point
// ("the server has seen the request", "every caller has arrived"), instead of sleeping and
// hoping they got there. C++17 has no std::latch.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace msgraph_test {

class Latch {
 public:
  /// A latch that opens after `count` calls of `countDown()` (1: a one-shot event).
  explicit Latch(std::size_t count = 1) : count_(count) {}
  Latch(const Latch&) = delete;
  Latch& operator=(const Latch&) = delete;

  /// Counts one arrival; the last one opens the latch and wakes every waiter. Extra calls are
  /// harmless.
  void countDown() {
    // Notified under the lock: a waiter that then destroys the latch cannot do so while this
    // thread is still inside notify_all.
    std::lock_guard<std::mutex> lock(mutex_);
    if (count_ == 0) return;
    --count_;
    if (count_ == 0) opened_.notify_all();
  }

  /// Opens the latch at once, whatever the count (to release waiters when a test ends early).
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    count_ = 0;
    opened_.notify_all();
  }

  /// Waits until the latch is open or `timeout` has passed (a generous bound, so that a broken
  /// test fails instead of hanging). @return whether the latch is open.
  bool waitFor(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return opened_.wait_for(lock, timeout, [this] { return count_ == 0; });
  }

  /// Whether the latch is open.
  bool isOpen() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_ == 0;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable opened_;
  std::size_t count_;
};

}  // namespace msgraph_test
