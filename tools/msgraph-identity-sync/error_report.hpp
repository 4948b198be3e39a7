// SPDX-License-Identifier: MIT
#pragma once

#include "cli_error.hpp"
#include "msgraph/error.hpp"

namespace msgraph_cli {

/// Prints a library error on stderr and returns the exit code of its kind. A ServiceError
/// prints `<code>: <message>`, `request-id: <id>` and `client-request-id: <id>`, and its
/// response headers too when `withHeaders`.
ExitCode reportError(const msgraph::Error& error, bool withHeaders);

}  // namespace msgraph_cli
