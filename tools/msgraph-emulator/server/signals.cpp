// SPDX-License-Identifier: MIT
#include "server/signals.hpp"

#include <unistd.h>

#include <chrono>

namespace emulator {

sigset_t blockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

SignalStopper::SignalStopper(httplib::Server& server, sigset_t signals)
    : thread_([this, &server, signals] { waitAndStop(server, signals); }) {}

SignalStopper::~SignalStopper() {
  finished_ = true;
  // The thread is still in sigwait if no signal came; a process-directed SIGTERM (blocked
  // everywhere else) wakes exactly that thread.
  if (!signalled_) ::kill(::getpid(), SIGTERM);
  thread_.join();
}

void SignalStopper::waitAndStop(httplib::Server& server, sigset_t signals) {
  int received = 0;
  sigwait(&signals, &received);
  if (finished_) return;
  signalled_ = true;
  // stop() does nothing until listening has begun; a signal in that short window must not
  // be lost.
  while (!server.is_running() && !finished_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server.stop();
}

}  // namespace emulator
