// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief A client secret or certificate credential set up from environment variables, the
/// `EnvironmentCredential` of the Azure SDKs (and `Connect-MgGraph -EnvironmentVariable`).
///
/// Reads `AZURE_TENANT_ID` and `AZURE_CLIENT_ID`, then either `AZURE_CLIENT_SECRET`
/// (a `ClientSecretCredential`) or `AZURE_CLIENT_CERTIFICATE_PATH` (a PEM file with the key, or
/// a `.pfx`/`.p12` file) with `AZURE_CLIENT_CERTIFICATE_PASSWORD` and
/// `AZURE_CLIENT_SEND_CERTIFICATE_CHAIN` (`true`/`1` or `false`/`0`) (a
/// `ClientCertificateCredential`), and `AZURE_AUTHORITY_HOST` when
/// `TokenCredentialOptions::authorityHost` is empty. Stricter than the Azure SDKs: a secret and
/// a certificate both set, or certificate settings without a certificate, are an error rather
/// than a silent choice. Errors name the variables, never their values; the secret, the
/// password and the key never appear in an error or a log line.
class MSGRAPH_API EnvironmentCredential final : public TokenCredential {
 public:
  /// @brief Reads the variables. It does not throw when they are missing or contradictory:
  /// `getToken` does, so it can sit in a `DefaultCredential`.
  explicit EnvironmentCredential(TokenCredentialOptions options = {});
  ~EnvironmentCredential() override;

  /// @brief A token from the credential the variables describe.
  /// @throws AuthenticationError naming the variables that are missing or contradict each
  /// other, or the certificate that cannot be loaded, or what the token endpoint said.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Drops the cached token if it is `token`.
  void invalidateToken(const std::string& token) noexcept override;
  /// @brief What the variables set up: `ClientSecretCredential`, `ClientCertificateCredential`,
  /// or empty when they set up nothing usable.
  std::string_view kind() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
