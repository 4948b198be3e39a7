// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Supplies a client assertion: a JWT the identity platform accepts in place of a
/// secret, such as a federated token from GitHub Actions, Kubernetes or another identity
/// provider trusted by the app registration. Called for every token request (a refresh, a
/// retry), with the context of the call that needs the token; it may throw
/// `AuthenticationError` to say no assertion can be had.
using ClientAssertionCallback = std::function<std::string(const CallContext& context)>;

/// @brief App-only tokens from the client-credentials flow with a client assertion from your
/// callback (`client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`),
/// the `ClientAssertionCredential` of the Azure SDKs.
///
/// Tokens are cached per scope and refreshed before they expire, one refresh at a time. The
/// assertion never appears in an error, a log line or a what-if.
class MSGRAPH_API ClientAssertionCredential final : public TokenCredential {
 public:
  /// @brief A credential for app `clientId` in `tenantId` whose assertions come from `callback`.
  /// @throws ValidationError if an argument is empty or has control characters, or the
  /// authority is not a valid root URL.
  ClientAssertionCredential(std::string tenantId, std::string clientId,
                            ClientAssertionCallback callback, TokenCredentialOptions options = {});
  ~ClientAssertionCredential() override;

  /// @brief A cached token, or a new one obtained with a fresh assertion from the callback.
  /// @throws AuthenticationError when the callback gives no usable assertion (empty, control
  /// characters, or it threw), or the endpoint refuses or cannot be reached.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Drops the cached token if it is `token`.
  void invalidateToken(const std::string& token) noexcept override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
