// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "arguments.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http_headers.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

namespace msgraph_cli {

/// `Performing the operation "PUT /policies/.../identitySynchronization" on target "<id>".`,
/// the line that --what-if prints and --confirm asks about.
std::string operationLine(const msgraph::HttpRequest& request, const std::string& partnerId);

/// Prints the --what-if report on stdout: the operation line, then the exact request with its
/// JSON body pretty-printed.
void printWhatIf(const msgraph::HttpRequest& request, const std::string& partnerId);

/// Prints a policy on stdout: pretty JSON, or PowerShell-like `Name : Value` lines.
void printPolicy(const msgraph::models::IdentitySyncPolicyPartner& policy, OutputFormat format);

/// Prints response headers on stderr as one JSON object; repeated names are joined with ", ".
void printResponseHeaders(const msgraph::HttpHeaders& headers);

}  // namespace msgraph_cli
