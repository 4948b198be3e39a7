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

/// `apply --desired FILE [--prune] [--concurrency auto|N] [--results FILE] [--resume FILE]
/// [--quiet]`: plans as `plan` does, then runs every item that is not unchanged through the
/// library's fleet runner (msgraph::Fleet: the quota-aware scheduler, one event loop), an
/// ensure per created or updated partner (it reads again, so a plan gone stale is still
/// right) and a removal per pruned one. Each partner's result is appended to --results as it
/// finishes; with --resume, partners that file records as done are skipped. Progress on stderr
/// (a bar on a terminal, a line every 5 s otherwise, none with --quiet). SIGINT: the first
/// stops starting partners, the second cancels those in flight.
/// @return 0; kExitItemsFailed when a partner failed; kExitInterrupted when stopped;
/// kExitBadLines when lines were skipped and everything else was done.
ExitCode runApply(const Arguments& args);

}  // namespace msgraph_cli::fleet
