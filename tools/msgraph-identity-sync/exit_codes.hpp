// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <vector>

#include "cli_error.hpp"

namespace msgraph_cli {

/// One row of the exit-code table: the code, the class's name and what puts a run in it.
struct ExitCodeSpec {
  ExitCode code;
  std::string_view name;
  std::string_view meaning;
};

/// Every exit code of the tool, in order: the table --help prints (the README has the same).
const std::vector<ExitCodeSpec>& exitCodeSpecs();

}  // namespace msgraph_cli
