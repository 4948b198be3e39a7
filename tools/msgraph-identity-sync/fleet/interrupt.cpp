// SPDX-License-Identifier: MIT
#include "fleet/interrupt.hpp"

#include <csignal>

#include <atomic>

namespace msgraph_cli::fleet {

namespace {

std::atomic<msgraph::FleetControl*> controlled{nullptr};
std::atomic<int> interrupts{0};
struct sigaction previous {};

// Only async-signal-safe work: atomics and FleetControl's flags.
extern "C" void onInterrupt(int) {
  msgraph::FleetControl* control = controlled.load();
  if (control == nullptr) return;
  if (interrupts.fetch_add(1) == 0) {
    control->stop();
  } else {
    control->cancel();
  }
}

}  // namespace

InterruptToStop::InterruptToStop(msgraph::FleetControl& control) {
  interrupts = 0;
  controlled = &control;
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous);
}

InterruptToStop::~InterruptToStop() {
  sigaction(SIGINT, &previous, nullptr);
  controlled = nullptr;
}

}  // namespace msgraph_cli::fleet
