// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"

namespace msgraph_cli {

/// `partner list`: every page of the partner configurations (--top, --select, --expand),
/// printed as they arrive: a JSON array with one partner a line, or a text table.
/// @return the exit code; a page that fails ends the listing with its error.
/// @throws UsageError for a --top that is not a number; CliError or msgraph::Error before the
/// first page is asked for.
ExitCode listPartners(const Arguments& args);

}  // namespace msgraph_cli
