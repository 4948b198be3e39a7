// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"

namespace msgraph_cli {

/// `token`: signs in as the other verbs do and prints the Graph access token and a newline, so
/// a script signs in once and makes many calls. Refuses a terminal stdout (where the token
/// would stay on screen and in scrollback) unless --force is given, before signing in.
/// @throws UsageError for a terminal without --force; what signInCredential throws;
/// msgraph::AuthenticationError when no credential gives a token.
ExitCode runToken(const Arguments& args);

}  // namespace msgraph_cli
