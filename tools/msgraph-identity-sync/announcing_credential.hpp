// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/diagnostics/log.hpp"

namespace msgraph_cli {

/// `credential`, which logs to `logger` (at Verbose), after its first token, which credential
/// gave it: "signed in with DefaultCredential (WorkloadIdentityCredential)". Names only, never
/// a token or a secret.
std::shared_ptr<msgraph::TokenCredential> announcingCredential(
    std::shared_ptr<msgraph::TokenCredential> credential, msgraph::Logger logger);

}  // namespace msgraph_cli
