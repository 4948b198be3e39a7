// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"

namespace msgraph_cli {

/// Runs a `partner` verb (list, create, get, update, remove) on partner configurations.
/// @return the exit code.
/// @throws UsageError, CliError or msgraph::Error for failures before the call is sent.
ExitCode runPartnerCommand(const Arguments& args);

}  // namespace msgraph_cli
