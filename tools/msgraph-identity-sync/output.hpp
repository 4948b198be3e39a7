// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "arguments.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http_headers.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
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

/// Prints a partner configuration on stdout, as printPolicy prints a policy.
void printPartner(const msgraph::models::CrossTenantAccessPolicyConfigurationPartner& partner,
                  OutputFormat format);

/// How PowerShell's list view shows a value: strings bare, $null empty, booleans True/False;
/// nested objects as compact JSON, which is more useful than PowerShell's type name.
std::string textValue(const msgraph::Json& value);

/// Response headers as one JSON object; repeated names are joined with ", ".
msgraph::Json headersJson(const msgraph::HttpHeaders& headers);

/// Prints response headers on stderr as headersJson.
void printResponseHeaders(const msgraph::HttpHeaders& headers);

}  // namespace msgraph_cli
