// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "arguments.hpp"
#include "cli_error.hpp"
#include "msgraph/error.hpp"

namespace msgraph_cli {

/// Prints a library error on stderr and returns the exit code of its kind (Graph's 401: 3). A
/// ServiceError prints `<code>: <message>`, `request-id: <id>` and `client-request-id: <id>`, and
/// its response headers too when `withHeaders`.
ExitCode reportError(const msgraph::Error& error, bool withHeaders);

/// Reports `error` as the command line asks: with an explicit `--output json`, one JSON object on
/// stderr (see errorJson, plus `hint`); otherwise as above, then `hint: <hint>` if any.
/// @return the exit code of its kind.
ExitCode reportError(const msgraph::Error& error, const Arguments& args,
                     const std::string& hint = {});

/// The exit code of a library error's class (exit_codes.hpp has the table): 1 Graph's error
/// status (3 for its 401), 2 validation, 3 authentication, 4 transport (a token request's
/// transport failure too) and a passed deadline, 6 an unreadable answer.
ExitCode exitCodeOf(const msgraph::Error& error);

/// After a failed `set`: when Graph answered 409 Request_MultipleObjectsWithSameKeyValue (the
/// policy exists, and PUT only creates), a hint naming `update` and `ensure`; else empty.
std::string hintAfterSet(const msgraph::Error& error);

}  // namespace msgraph_cli
