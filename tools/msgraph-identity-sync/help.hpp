// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "command_spec.hpp"

namespace msgraph_cli {

/// `msgraph-identity-sync --help`: the verbs and exit codes.
std::string toolHelp();
/// `msgraph-identity-sync <verb> --help`: the verb's parameter sets and every option it takes.
std::string verbHelp(const VerbSpec& verb);
/// One line naming the verb's parameter sets and the options of each, for usage errors.
std::string parameterSetSummary(const VerbSpec& verb);

}  // namespace msgraph_cli
