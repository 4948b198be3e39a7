// SPDX-License-Identifier: MIT
#include "server/connection_pool.hpp"

#include <system_error>
#include <utility>

namespace emulator {

ConnectionPool::ConnectionPool(std::size_t maxThreads) : maxThreads_(maxThreads) {}

void ConnectionPool::enqueue(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
    // Only the accepting thread calls enqueue and shutdown, so threads_ needs no other guard.
    // A thread the system refuses leaves the job queued for the next free one.
    if (jobs_.size() > idle_ && threads_.size() < maxThreads_) {
      try {
        threads_.emplace_back([this] { work(); });
        return;
      } catch (const std::system_error&) {
      }
    }
  }
  ready_.notify_one();
}

void ConnectionPool::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void ConnectionPool::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_;
    ready_.wait(lock, [this] { return !jobs_.empty() || stopping_; });
    --idle_;
    if (jobs_.empty()) return;  // stopping, and nothing left to serve
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();
    lock.lock();
  }
}

}  // namespace emulator
