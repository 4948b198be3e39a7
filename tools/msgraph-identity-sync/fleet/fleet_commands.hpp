// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"

namespace msgraph_cli::fleet {

/// `export --output FILE [--force]`: every partner of the signed-in tenant with its policy,
/// read through the paged `$expand=identitySynchronization` listing, streamed page by page
/// into a JSON Lines desired-state file that `plan` reads back as all unchanged. The file is
/// written beside FILE and moved into place when complete; an existing FILE is replaced only
/// with --force. --what-if prints the listing's first request instead.
/// @return the exit code.
/// @throws UsageError, CliError or msgraph::Error before the listing starts.
ExitCode runExport(const Arguments& args);

/// `plan --desired FILE [--prune]` (`drift` when `drift`): reads the desired state (bad lines
/// reported on stderr as `FILE:LINE: field: reason` and skipped), then the current state of
/// each tenant it names, and prints what an apply would write per partner (PlanPrinter).
/// Sends no write.
/// @return 0; with bad lines kExitBadLines; drift: kExitDrift when anything differs (bad lines
/// take precedence: then the comparison is incomplete); a failed listing its error's code.
/// @throws UsageError, CliError or msgraph::Error before the first listing starts.
ExitCode runPlan(const Arguments& args, bool drift);

}  // namespace msgraph_cli::fleet
