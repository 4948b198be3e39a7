// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace msgraph_cli::fleet {

/// What apply did for one partner: a line of the results file (`apply --results`).
struct ResultRecord {
  /// The line of the desired-state file the partner was read from.
  std::size_t line = 0;
  /// The tenant whose store holds the partner, as the file names it; empty: the signed-in one.
  std::string tenant;
  /// The partner tenant id.
  std::string partnerTenantId;
  /// What the plan said to do: `create`, `update`, `unchanged` or `remove`.
  std::string action;
  /// How the partner ended: `"outcome":"done"` (it now is as desired), `"failed"`, or
  /// `"cancelled"` (the run was stopped or cancelled before the partner finished).
  enum class Outcome { Done, Failed, Cancelled };
  Outcome outcome = Outcome::Failed;
  /// The HTTP status of the item's last response; 0 when none came (or nothing was sent).
  int status = 0;
  /// The `request-id` of the item's last response, when it had one.
  std::string requestId;
  /// HTTP requests sent for the item, every retry counted.
  int attempts = 0;
  /// Why the item failed: the Graph error code (or the error's kind) and its message.
  std::optional<std::string> errorCode;
  std::optional<std::string> errorMessage;
};

/// The line `record` is written as, without the newline: one JSON object with the keys
/// `line`, `tenant`, `partnerTenantId`, `action`, `outcome`, `status`, `requestId`, `attempts`
/// and, for a failure, `error` (`code`, `message`). Server text in it is JSON-escaped, control
/// and bidirectional characters as `\uNNNN` (terminal-safe like every JSON output of the tool).
std::string resultLine(const ResultRecord& record);

}  // namespace msgraph_cli::fleet
