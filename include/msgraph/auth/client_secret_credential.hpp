// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief App-only tokens from the identity platform's client-credentials flow, with a client
/// secret: `POST {authority}/{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`.
///
/// Tokens are cached and reused until `refreshMargin` before they expire; concurrent callers
/// share one refresh. The secret never appears in an error, a log line or a what-if.
class MSGRAPH_API ClientSecretCredential final : public TokenCredential {
 public:
  /// @brief A credential for app `clientId` in `tenantId` (a GUID or a domain name).
  /// @throws ValidationError if an argument is empty or has control characters, or the
  /// authority is not a valid root URL.
  ClientSecretCredential(std::string tenantId, std::string clientId, std::string clientSecret,
                         TokenCredentialOptions options = {});
  ~ClientSecretCredential() override;

  /// @brief A cached token, or a new one from the token endpoint.
  /// @throws AuthenticationError when the endpoint refuses (with its error, AADSTS code and
  /// description) or cannot be reached.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Drops the cached token if it is `token`.
  void invalidateToken(const std::string& token) noexcept override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
