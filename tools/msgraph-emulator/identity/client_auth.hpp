// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "identity/client_assertion.hpp"
#include "identity/federation.hpp"
#include "identity/replay_guard.hpp"
#include "identity/token_error.hpp"
#include "state/state.hpp"

namespace emulator {

/// The client's credentials as presented in the form body or an HTTP Basic header. An
/// assertion is here only once its `client_assertion_type` was found to be the JWT bearer one.
struct ClientCredentials {
  std::string clientId;
  std::optional<std::string> clientSecret;
  std::optional<std::string> assertion;
};

/// Verifies a client-credentials caller against the registered apps: the app must exist
/// (else 400 `unauthorized_client` AADSTS700016) and prove itself with a client assertion
/// signed by one of its certificates (see verifyClientAssertion), with a federated token (an
/// assertion whose `iss` is not the client id but a registered issuer, or of an app with
/// federated credentials: see verifyFederatedAssertion) or with its secret (401
/// `invalid_client`: AADSTS7000218 when neither is sent, AADSTS7000215 for a wrong secret).
/// @return nullopt when the client is authenticated.
std::optional<TokenError> authenticateClient(const ClientCredentials& credentials,
                                             const State& state, const AssertionContext& context,
                                             const Federation& federation,
                                             AssertionReplayGuard& replays);

}  // namespace emulator
