// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "msgraph/client/graph_client.hpp"

namespace msgraph_cli {

/// Builds the client from the endpoint, transport, logging and authentication options.
///
/// Without any credential a --what-if still works (the preview then has no `Authorization`
/// header); any other call fails with exit code 3.
/// @throws UsageError for unreadable files, unset variables and incomplete app credentials;
/// CliError(kExitAuthentication) when a real call has no credential; msgraph::Error from the
/// library (a refused URL, an unusable certificate).
msgraph::GraphClient makeClient(const Arguments& args);

}  // namespace msgraph_cli
