// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "msgraph/auth/access_token.hpp"
#include "msgraph/export.hpp"
#include "msgraph/http/call_context.hpp"

namespace msgraph {

/// @brief What a token is requested for.
struct MSGRAPH_API TokenRequestContext {
  /// @brief The scopes, for Graph app-only tokens `{graph root}/.default`, e.g.
  /// `https://graph.microsoft.com/.default`.
  std::vector<std::string> scopes;
};

/// @brief A source of bearer tokens: the seam between the authorization policy and the
/// Microsoft identity platform.
///
/// The client calls `getToken` before every attempt; implementations cache and refresh tokens
/// themselves and must be safe to call from several threads at once.
class MSGRAPH_API TokenCredential {
 public:
  virtual ~TokenCredential();

  /// @brief Returns a token valid for `request`, fetching or refreshing one if needed.
  /// @throws AuthenticationError when no token can be had.
  virtual AccessToken getToken(const TokenRequestContext& request, const CallContext& context) = 0;

  /// @brief Graph answered `401` to a request made with `token`: a caching credential drops it,
  /// so that the next `getToken` fetches a new one. The authorization policy then retries the
  /// call once. The default does nothing (a fixed token cannot be renewed).
  virtual void invalidateToken(const std::string& token) noexcept;
};

}  // namespace msgraph
