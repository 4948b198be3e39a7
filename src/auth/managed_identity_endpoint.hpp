// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "auth/credential_unavailable.hpp"
#include "auth/environment_variables.hpp"
#include "msgraph/auth/managed_identity_credential.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/pipeline/retry_options.hpp"

namespace msgraph::detail {

/// The managed identity protocols, by where the program runs.
enum class ManagedIdentityProtocol { AppService, AzureArc, Imds };

/// One managed identity endpoint and how to ask it for a token.
struct ManagedIdentityEndpoint {
  ManagedIdentityProtocol protocol = ManagedIdentityProtocol::Imds;
  std::string url;             // without a query
  std::string identityHeader;  // App Service's IDENTITY_HEADER (a secret), else empty
  ManagedIdentityId identity;

  /// "App Service", "Azure Arc" or "IMDS".
  std::string_view name() const noexcept;
  /// The GET for a token for `resource`: api-version, resource, the identity's parameter and
  /// the protocol's headers.
  HttpRequest tokenRequest(std::string_view resource) const;
};

/// The endpoint the environment names (App Service, then Azure Arc, then IMDS, as the Azure
/// SDKs look), or the reason none can be used in `problem`.
ManagedIdentityEndpoint selectManagedIdentityEndpoint(
    const EnvironmentVariables& environment, const ManagedIdentityCredentialOptions& options,
    SetupProblem& problem);

/// The retry rule of `protocol`: IMDS answers 404 and 410 while it starts or updates, so both
/// are retried there, with 408, 429 and 5xx everywhere; a request IMDS never answered is not
/// retried (off Azure nothing is there), one to a local agent is.
RetryOptions managedIdentityRetryOptions(ManagedIdentityProtocol protocol);

/// 10 s between retries of a 410 (IMDS asks for at least 70 s in all), else 1 s, 2 s, 4 s.
std::chrono::milliseconds managedIdentityBackoff(const RetryOptions& options, int attempt,
                                                 const HttpResponse* response);

}  // namespace msgraph::detail
