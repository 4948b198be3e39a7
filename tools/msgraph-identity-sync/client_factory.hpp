// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
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
/// `async`, when given, is the event loop the client's async calls run on (`apply` shares one
/// among every tenant's client).
msgraph::GraphClient makeClient(const Arguments& args,
                                std::shared_ptr<msgraph::AsyncHttpTransport> async = nullptr);

}  // namespace msgraph_cli
