// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/auth/azure_cli_credential.hpp"
#include "msgraph/auth/managed_identity_credential.hpp"
#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/auth/workload_identity_credential.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Options of `DefaultCredential`: which credentials it tries, and their own options.
struct MSGRAPH_API DefaultCredentialOptions {
  /// @brief Leave out `EnvironmentCredential`.
  bool excludeEnvironmentCredential = false;
  /// @brief Leave out `WorkloadIdentityCredential`.
  bool excludeWorkloadIdentityCredential = false;
  /// @brief Leave out `ManagedIdentityCredential`.
  bool excludeManagedIdentityCredential = false;
  /// @brief Leave out `AzureCliCredential`.
  bool excludeAzureCliCredential = false;
  /// @brief The workload identity's settings (default: its variables).
  WorkloadIdentityCredentialOptions workloadIdentity;
  /// @brief The managed identity's settings. When it names the system-assigned identity and
  /// `AZURE_CLIENT_ID` is set, the user-assigned identity with that client id is used, as the
  /// Azure SDKs do.
  ManagedIdentityCredentialOptions managedIdentity;
  /// @brief The Azure CLI's settings.
  AzureCliCredentialOptions azureCli;
};

/// @brief The credential for code that runs in many places, the `DefaultAzureCredential` of the
/// Azure SDKs: tries, in order, `EnvironmentCredential`, `WorkloadIdentityCredential`,
/// `ManagedIdentityCredential` and `AzureCliCredential`.
///
/// A credential that is not set up where the program runs (its variables unset, no managed
/// identity endpoint answering, `az` missing or not signed in) is passed over; the first one
/// that gives a token is kept for every later call. A credential that is set up but fails (a
/// refused secret, an unreadable token file) ends the search with its error. Either way the
/// error lists every credential tried, in order, and why it gave no token. Each credential's
/// reads and secrecy are documented on its own class.
class MSGRAPH_API DefaultCredential final : public TokenCredential {
 public:
  /// @brief The chain, set up from `options` (shared by every credential in it) and `chain`.
  /// Nothing is read from the network until the first `getToken`.
  explicit DefaultCredential(TokenCredentialOptions options = {},
                             DefaultCredentialOptions chain = {});
  ~DefaultCredential() override;

  /// @brief A token from the credential kept, or from the first in the chain that gives one.
  /// @throws AuthenticationError listing each credential tried and why it gave no token.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Passes `token` on to the credential kept.
  void invalidateToken(const std::string& token) noexcept override;
  /// @brief The name of the credential kept (`EnvironmentCredential`,
  /// `WorkloadIdentityCredential`, `ManagedIdentityCredential`, `AzureCliCredential`), or empty
  /// before one has given a token.
  std::string selectedCredential() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
