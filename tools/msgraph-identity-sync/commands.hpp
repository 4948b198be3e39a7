// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"

namespace msgraph_cli {

/// Runs a parsed verb: reads its inputs, builds the client and the request, then previews
/// (--what-if), confirms (--confirm) and sends it, printing the outcome.
/// @return the exit code.
/// @throws UsageError, CliError or msgraph::Error for failures before the call is sent.
ExitCode runCommand(const Arguments& args);

}  // namespace msgraph_cli
