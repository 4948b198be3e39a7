// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/pipeline/http_policy.hpp"

namespace msgraph::detail {

/// The longest access token sent: Entra ID's tokens are a few KB (up to about 12 KB with many
/// claims), and front ends refuse request headers much over 32 KB, so a longer one is a fault
/// that must be reported before sending rather than as a server's 400 or 431.
inline constexpr std::size_t kMaxAccessTokenBytes = 32 * 1024;

/// Adds `Authorization: Bearer <token>` from the credential before every attempt; in a
/// preview, a redacted placeholder, without asking the credential. An empty token, one with CR,
/// LF or NUL, or one over kMaxAccessTokenBytes is an AuthenticationError, and nothing is sent.
class AuthorizationPolicy final : public HttpPolicy {
 public:
  AuthorizationPolicy(std::shared_ptr<TokenCredential> credential, std::string scope);
  std::string_view name() const noexcept override { return "authorization"; }
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override;

 private:
  std::shared_ptr<TokenCredential> credential_;
  TokenRequestContext tokenRequest_;
};

}  // namespace msgraph::detail
