// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "identity/compact_jws.hpp"
#include "identity/federation.hpp"
#include "identity/token_error.hpp"

namespace emulator {

/// The audience a token must name to be exchanged for an Entra token: the default (and
/// recommended) audience of a federated identity credential.
inline constexpr const char* kTokenExchangeAudience = "api://AzureADTokenExchange";

/// Verifies a federated token presented as the client assertion of `clientId`, as Entra's
/// workload identity federation does
/// (https://learn.microsoft.com/entra/workload-id/workload-identity-federation), in this order:
/// - 5002730 (401 `invalid_client`): `alg` other than RS256 or PS256 (`none`, `HS256`, ...);
/// - 700211 (401 `invalid_client`): `iss` is not a registered issuer;
/// - 50013 (401 `invalid_client`): the signature verifies with none of the issuer's keys (any
///   `kid` is ignored: every key registered for the issuer is tried);
/// - 50027 (401 `invalid_client`): no numeric `exp`;
/// - 700024 (401 `invalid_client`): `exp` more than 5 minutes past, or `nbf` (else `iat`) more
///   than 5 minutes ahead;
/// - 700212 (401 `invalid_client`): `aud` (a string or an array) does not hold
///   `api://AzureADTokenExchange`;
/// - 700211: the app has no federated credential for `iss`; 700213 (401 `invalid_client`): it
///   has, but for another `sub`; 70021 (400 `invalid_request`): the `iss` and `sub` pair is
///   another app's, not this one's.
/// Issuer, subject and audience are compared case-sensitively, as Entra does since 2025.
/// A federated token may be presented many times while it is valid (a projected service
/// account token is read from its file for every request), so no `jti` is required or recorded.
/// @return nullopt when the token is accepted.
std::optional<TokenError> verifyFederatedAssertion(const std::string& clientId,
                                                   const CompactJws& token,
                                                   const Federation& federation,
                                                   std::chrono::system_clock::time_point now);

}  // namespace emulator
