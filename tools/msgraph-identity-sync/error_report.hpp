// SPDX-License-Identifier: MIT
#pragma once

#include "cli_error.hpp"
#include "msgraph/error.hpp"

namespace msgraph_cli {

/// Prints a library error on stderr and returns the exit code of its kind (Graph's 401: 3). A
/// ServiceError prints `<code>: <message>`, `request-id: <id>` and `client-request-id: <id>`, and
/// its response headers too when `withHeaders`.
ExitCode reportError(const msgraph::Error& error, bool withHeaders);

/// After a failed `set`: when Graph answered 409 Request_MultipleObjectsWithSameKeyValue (the
/// policy exists, and PUT only creates), prints a hint naming `update` and `ensure` on stderr.
void hintAfterSet(const msgraph::Error& error);

}  // namespace msgraph_cli
