// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "msgraph/auth/access_token.hpp"

namespace msgraph::detail {

/// A token as its issuer answered it, with when to refresh it.
struct IssuedToken {
  AccessToken token;
  std::chrono::system_clock::time_point refreshAt;
};

/// The longest token lifetime accepted from any token service, in seconds: a day.
constexpr long long kMaxTokenLifetimeSeconds = 24 * 3600;

/// How one kind of token service states a token's lifetime.
struct TokenAnswerRules {
  /// Who answered, as errors name it ("the token endpoint", "the managed identity endpoint").
  std::string_view issuer;
  /// Whether `expires_on` (seconds since the epoch, a number or a numeric string) may stand in
  /// for a missing `expires_in`, as managed identity endpoints send it.
  bool acceptsExpiresOn = false;
};

/// Reads a 200 answer `{"access_token": ..., "expires_in": ...}`: the token, when it expires
/// and when to refresh it (`refreshMargin` before expiry, never sooner than half its life, or
/// `refresh_in` when the issuer advises sooner). Throws AuthenticationError naming the member
/// that is missing or unusable (never the token itself).
IssuedToken readTokenAnswer(const std::string& body, const TokenAnswerRules& rules,
                            std::chrono::system_clock::time_point now,
                            std::chrono::seconds refreshMargin);

/// Now by the credential's clock (`TokenCredentialOptions::clock`), or the system's.
inline std::chrono::system_clock::time_point nowBy(
    const std::function<std::chrono::system_clock::time_point()>& clock) {
  return clock ? clock() : std::chrono::system_clock::now();
}

/// When to refresh a token issued at `issuedAt`: `refreshMargin` before it expires, but never
/// within the first half of its life.
std::chrono::system_clock::time_point refreshTimeOf(const AccessToken& token,
                                                    std::chrono::system_clock::time_point issuedAt,
                                                    std::chrono::seconds refreshMargin);

}  // namespace msgraph::detail
