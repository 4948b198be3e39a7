// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "identity/federation.hpp"
#include "identity/replay_guard.hpp"
#include "identity/token_store.hpp"
#include "state/store.hpp"

namespace emulator {

/// `POST /{tenant}/oauth2/v2.0/token`: the identity platform's client-credentials grant, with
/// its success and error JSON. Client verification itself is in identity/client_auth.
class TokenEndpoint {
 public:
  /// Apps and tenants are read from `store`; issued tokens go to `tokens`. `baseUrl` (the
  /// emulator's own, `https://127.0.0.1:43117`) gives the scheme of the token URL a client
  /// assertion must name, and its host when a request has no Host header. `federation`, which
  /// must outlive the endpoint, holds the issuers and credentials of federated tokens.
  TokenEndpoint(const Store& store, TokenStore& tokens, const std::string& baseUrl,
                const Federation& federation);

  /// Answers one token request addressed to `tenant`: 400 `invalid_request` AADSTS90002 when
  /// tenants are registered and it is none of them.
  ApiResponse handle(const ApiRequest& request, const std::string& tenant,
                     const CallIds& ids) const;

 private:
  const Store& store_;
  TokenStore& tokens_;
  const Federation& federation_;
  std::string scheme_;
  std::string defaultAuthority_;
  // Answering a request records the assertion it used: state of the endpoint, not of the
  // request, and synchronized on its own.
  mutable AssertionReplayGuard replays_;
};

}  // namespace emulator
