// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief What `WorkloadIdentityCredential` signs in as; an empty member is read from its
/// environment variable.
struct MSGRAPH_API WorkloadIdentityCredentialOptions {
  /// @brief The tenant. Default: `AZURE_TENANT_ID`.
  std::string tenantId;
  /// @brief The app (client) id of the identity the federated token was issued for. Default:
  /// `AZURE_CLIENT_ID`.
  std::string clientId;
  /// @brief The file holding the federated token. Default: `AZURE_FEDERATED_TOKEN_FILE`.
  std::string tokenFilePath;
};

/// @brief Tokens for a Kubernetes workload (AKS workload identity, or any cluster whose service
/// account tokens the app registration trusts): the service account token in
/// `AZURE_FEDERATED_TOKEN_FILE` is the client assertion of a client-credentials request, the
/// `WorkloadIdentityCredential` of the Azure SDKs.
///
/// Reads `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_FEDERATED_TOKEN_FILE` and, when
/// `TokenCredentialOptions::authorityHost` is empty, `AZURE_AUTHORITY_HOST` (the variables AKS's
/// webhook sets). The file is read again for every token request, so a token Kubernetes rotated
/// is picked up at the next refresh. Tokens are cached per scope and refreshed before they
/// expire. The federated token never appears in an error, a log line or a what-if.
class MSGRAPH_API WorkloadIdentityCredential final : public TokenCredential {
 public:
  /// @brief A credential set up from `workload` and the environment. It does not throw when
  /// variables are missing: `getToken` does, so it can sit in a `DefaultCredential`.
  explicit WorkloadIdentityCredential(TokenCredentialOptions options = {},
                                      WorkloadIdentityCredentialOptions workload = {});
  ~WorkloadIdentityCredential() override;

  /// @brief A cached token, or a new one signed in with the file's current token.
  /// @throws AuthenticationError naming the missing variables, or when the file cannot be read
  /// or is empty, or the endpoint refuses or cannot be reached.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Drops the cached token if it is `token`.
  void invalidateToken(const std::string& token) noexcept override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
