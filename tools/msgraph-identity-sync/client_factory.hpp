// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include "arguments.hpp"

#include "msgraph/client/graph_client.hpp"

namespace msgraph_cli {

/// The credential the sign-in options choose: --credential's; else MSGRAPH_ACCESS_TOKEN (or
/// --access-token-env) or the app flags; else the default chain (environment, workload
/// identity, managed identity, Azure CLI). With --verbose it names itself at its first token.
/// Null only for a --what-if without sign-in options or MSGRAPH_ACCESS_TOKEN.
/// @throws UsageError for unreadable files, unset variables, incomplete app credentials and
/// flags the chosen credential cannot use; msgraph::Error from the library.
std::shared_ptr<msgraph::TokenCredential> signInCredential(const Arguments& args);

/// Builds the client from the endpoint, transport, logging and authentication options
/// (signInCredential). Without any credential a --what-if still works (the preview then has no
/// `Authorization` header).
/// @throws what signInCredential throws; msgraph::Error from the library (a refused URL).
/// `async`, when given, is the event loop the client's async calls run on (`apply` shares one
/// among every tenant's client).
msgraph::GraphClient makeClient(const Arguments& args,
                                std::shared_ptr<msgraph::AsyncHttpTransport> async = nullptr);

}  // namespace msgraph_cli
