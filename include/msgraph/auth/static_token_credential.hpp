// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief A credential that always returns the token it was given.
///
/// For tokens obtained elsewhere (an environment variable, another SDK, a test). It does not
/// refresh: once `expiresOn` has passed, `getToken` throws `AuthenticationError`.
class MSGRAPH_API StaticTokenCredential final : public TokenCredential {
 public:
  /// @brief Wraps `token`, valid until `expiresOn` (default: far in the future).
  /// @throws ValidationError if `token` is empty or has characters not allowed in a header.
  explicit StaticTokenCredential(std::string token,
                                 std::chrono::system_clock::time_point expiresOn =
                                     std::chrono::system_clock::time_point::max());

  /// @brief Returns the token. @throws AuthenticationError if it has expired.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;

 private:
  AccessToken token_;
};

}  // namespace msgraph
