// SPDX-License-Identifier: MIT
#pragma once

#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <thread>

namespace emulator {

/// Blocks SIGINT and SIGTERM in the calling thread; threads started afterwards inherit the
/// mask, so the signals stay pending until SignalStopper's thread takes them with sigwait.
/// Call it first in main, before any thread exists.
sigset_t blockStopSignals();

/// Stops `server` when SIGINT or SIGTERM arrives. The signal is taken by sigwait in an
/// ordinary thread, so server.stop() never runs inside a signal handler.
class SignalStopper {
 public:
  SignalStopper(httplib::Server& server, sigset_t signals);
  /// Wakes and joins the waiting thread if no signal came.
  ~SignalStopper();
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

  /// Whether a signal stopped the server.
  bool signalled() const { return signalled_.load(); }

 private:
  void waitAndStop(httplib::Server& server, sigset_t signals);

  std::atomic<bool> signalled_{false};
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

}  // namespace emulator
