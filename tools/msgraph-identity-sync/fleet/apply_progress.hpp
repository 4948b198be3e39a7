// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>

#include "msgraph/client/fleet.hpp"

namespace msgraph_cli::fleet {

/// Shows an apply's progress on stderr: on a terminal, one line redrawn in place (done/total, a
/// bar, rate, 429s, ETA); otherwise a plain line every 5 seconds; with --quiet, nothing.
class ApplyProgress {
 public:
  explicit ApplyProgress(bool quiet);
  /// How often the fleet should report (a terminal is redrawn more often).
  std::chrono::milliseconds interval() const noexcept;
  /// Shows `now`.
  void show(const msgraph::FleetProgress& now);
  /// Ends the display (a terminal line gets its newline).
  void finish();

 private:
  bool quiet_;
  bool terminal_;
  bool drawn_ = false;
};

}  // namespace msgraph_cli::fleet
