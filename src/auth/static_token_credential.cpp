// SPDX-License-Identifier: MIT
#include "msgraph/auth/static_token_credential.hpp"

#include "msgraph/error.hpp"

namespace msgraph {

TokenCredential::~TokenCredential() = default;
void TokenCredential::invalidateToken(const std::string&) noexcept {}

StaticTokenCredential::StaticTokenCredential(std::string token,
                                             std::chrono::system_clock::time_point expiresOn)
    : token_{std::move(token), expiresOn} {
  if (token_.token.empty()) throw ValidationError("token", "must not be empty");
  for (unsigned char c : token_.token) {
    if (c < 0x21 || c == 0x7f) {
      throw ValidationError("token", "contains a space or a control character");
    }
  }
}

AccessToken StaticTokenCredential::getToken(const TokenRequestContext&, const CallContext&) {
  if (std::chrono::system_clock::now() >= token_.expiresOn) {
    throw AuthenticationError("the static access token has expired; obtain a new one");
  }
  return token_;
}

}  // namespace msgraph
