// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "fleet/desired_state.hpp"

namespace msgraph_cli::fleet {

/// Reads --desired (in --format): every bad line is reported on stderr as
/// `FILE:LINE: field: reason` (terminal-safe) and left out.
/// @throws UsageError without --desired, for a file that cannot be read, or a CSV header no
/// record can be read with.
DesiredState readDesiredState(const Arguments& args);

}  // namespace msgraph_cli::fleet
