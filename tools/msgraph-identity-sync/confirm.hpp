// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace msgraph_cli {

/// Asks `Are you sure you want to perform this action?` about `action` on the terminal
/// (/dev/tty, so stdin and stdout may be redirected) and returns true only for y or yes. With
/// no terminal to ask on, the answer is no.
bool confirmOnTerminal(const std::string& action);

}  // namespace msgraph_cli
