// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Options of `AzureCliCredential`.
struct MSGRAPH_API AzureCliCredentialOptions {
  /// @brief The tenant to get the token in (`--tenant`); empty: the CLI's current account. A
  /// GUID or a domain name.
  std::string tenantId;
  /// @brief How long `az` may take; past it, `az` and what it started are killed. The Azure SDK
  /// for C++'s default, 13 s.
  std::chrono::milliseconds timeout{std::chrono::seconds(13)};
  /// @brief The directories searched for `az`, colon-separated. Empty: the `PATH` of
  /// `TokenCredentialOptions::environment` (the process's by default).
  std::string path;
};

/// @brief Tokens of the account signed in to the Azure CLI (`az login`), the
/// `AzureCliCredential` of the Azure SDKs: for admins' laptops and CI steps that ran `az login`.
///
/// Runs `az account get-access-token --resource <resource> [--tenant <tenant>] --output json`
/// directly (no shell; `az` is looked up on `PATH`), reads `accessToken` and `expires_on`
/// (seconds since the epoch, newer CLIs) or else `expiresOn` (local time), and caches the token
/// per scope until shortly before it expires. `az` that is missing or not signed in is an
/// `AuthenticationError` that says to run `az login`. The token never appears in an error or a
/// log line; what `az` writes to stderr is shown only masked.
class MSGRAPH_API AzureCliCredential final : public TokenCredential {
 public:
  /// @brief A credential that asks the Azure CLI.
  /// @throws ValidationError if `cli.tenantId` is not a GUID or domain name.
  explicit AzureCliCredential(TokenCredentialOptions options = {},
                              AzureCliCredentialOptions cli = {});
  ~AzureCliCredential() override;

  /// @brief A cached token, or a new one from `az`, for exactly one scope
  /// (`{resource}/.default`).
  /// @throws AuthenticationError when `az` is not found, not signed in, fails, outlives its
  /// timeout or prints what is not a token; ValidationError for a scope that is not one
  /// resource's `.default`.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Drops the cached token if it is `token`.
  void invalidateToken(const std::string& token) noexcept override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
