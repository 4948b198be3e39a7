// SPDX-License-Identifier: MIT
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace emulator {

/// httplib's task queue, with one thread per open connection up to `maxThreads`.
///
/// httplib serves a connection on one thread for as long as it stays open, and its own pool has
/// a fixed 8 threads on a small machine: 8 connections that send nothing (or half a request)
/// held every thread until their timeouts, and everyone else waited. This pool starts a thread
/// whenever a connection arrives and none is free, keeps finished threads for the next
/// connections, and queues connections only once `maxThreads` are busy.
class ConnectionPool : public httplib::TaskQueue {
 public:
  explicit ConnectionPool(std::size_t maxThreads);

  /// Runs `job` (one connection) on a free thread, a new one, or the first to become free.
  void enqueue(std::function<void()> job) override;
  /// Lets the queued jobs finish and joins every thread.
  void shutdown() override;

 private:
  void work();

  const std::size_t maxThreads_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;  // threads waiting for a job
  bool stopping_ = false;
};

}  // namespace emulator
