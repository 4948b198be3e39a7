// SPDX-License-Identifier: MIT
#include "fleet/apply_progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace msgraph_cli::fleet {

namespace {

std::string seconds(std::chrono::milliseconds duration) {
  return std::to_string((duration.count() + 999) / 1000) + " s";
}

// "120/300 done, 2 failed, 18.0/s, 0 429s, ETA 10 s" (the ETA only when the total is known).
std::string summary(const msgraph::FleetProgress& now) {
  std::string text = std::to_string(now.done);
  if (now.total) text += "/" + std::to_string(*now.total);
  text += " done, " + std::to_string(now.failed) + " failed, ";
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f/s", now.itemsPerSecond);
  text += rate;
  text += ", " + std::to_string(now.throttled) + " 429s";
  if (now.remaining) text += ", ETA " + seconds(*now.remaining);
  return text;
}

std::string bar(const msgraph::FleetProgress& now) {
  constexpr std::size_t kWidth = 24;
  if (!now.total || *now.total == 0) return {};
  const std::size_t filled = kWidth * std::min(now.done, *now.total) / *now.total;
  return "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
}

}  // namespace

ApplyProgress::ApplyProgress(bool quiet) : quiet_(quiet), terminal_(isatty(STDERR_FILENO) == 1) {}

std::chrono::milliseconds ApplyProgress::interval() const noexcept {
  return terminal_ ? std::chrono::milliseconds(250) : std::chrono::seconds(5);
}

void ApplyProgress::show(const msgraph::FleetProgress& now) {
  if (quiet_) return;
  if (terminal_) {
    std::fprintf(stderr, "\r\033[2Kapply: %s%s", bar(now).c_str(), summary(now).c_str());
    drawn_ = true;
  } else {
    std::fprintf(stderr, "apply: %s\n", summary(now).c_str());
  }
  std::fflush(stderr);
}

void ApplyProgress::finish() {
  if (drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace msgraph_cli::fleet
