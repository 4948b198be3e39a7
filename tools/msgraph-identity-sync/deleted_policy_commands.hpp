// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"

namespace msgraph_cli {

/// Runs a verb on the deleted identity synchronization policies Graph keeps for 30 days (beta
/// only): `restore` (puts one back under its partner and prints it), `deleted list` (every
/// page, as `partner list` prints partners) and `deleted remove` (deletes one for good).
/// @return the exit code.
/// @throws UsageError, CliError or msgraph::Error for failures before the call is sent.
ExitCode runDeletedPolicyCommand(const Arguments& args);

}  // namespace msgraph_cli
