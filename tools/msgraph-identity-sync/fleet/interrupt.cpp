// SPDX-License-Identifier: MIT
#include "fleet/interrupt.hpp"

#include <cerrno>
#include <csignal>

#include <atomic>

namespace msgraph_cli::fleet {

namespace {

std::atomic<msgraph::FleetControl*> controlled{nullptr};
std::atomic<int> interrupts{0};
struct sigaction previous {};

// Only async-signal-safe work: atomics, FleetControl's flags and sigaction.
extern "C" void onInterrupt(int) {
  msgraph::FleetControl* control = controlled.load();
  if (control == nullptr) return;
  if (interrupts.fetch_add(1) == 0) return control->stop();
  control->cancel();
  // A third SIGINT ends the process the default way, should cancelling itself hang. sigaction
  // may set errno, which the interrupted code may be about to read.
  const int interruptedErrno = errno;
  struct sigaction standard {};
  standard.sa_handler = SIG_DFL;
  sigemptyset(&standard.sa_mask);
  sigaction(SIGINT, &standard, nullptr);
  errno = interruptedErrno;
}

}  // namespace

InterruptToStop::InterruptToStop(msgraph::FleetControl& control) {
  interrupts = 0;
  controlled = &control;
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  action.sa_flags = SA_RESTART;  // the results file's writes go on undisturbed
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous);
}

InterruptToStop::~InterruptToStop() {
  sigaction(SIGINT, &previous, nullptr);
  controlled = nullptr;
}

}  // namespace msgraph_cli::fleet
