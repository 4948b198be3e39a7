// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/pipeline/http_policy.hpp"

namespace msgraph::detail {

/// Adds `Authorization: Bearer <token>` from the credential before every attempt; in a
/// preview, a redacted placeholder, without asking the credential.
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
