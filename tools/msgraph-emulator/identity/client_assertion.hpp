// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "identity/compact_jws.hpp"
#include "identity/replay_guard.hpp"
#include "identity/token_error.hpp"
#include "state/state.hpp"

namespace emulator {

/// Where and when a client assertion was presented: the token URL the client addressed, which
/// the assertion's `aud` must name, and the moment of the request.
struct AssertionContext {
  std::string tenant;     // the tenant path segment, decoded
  std::string scheme;     // `https` or `http`, as the emulator serves
  std::string authority;  // `host:port` as the client sent it in the Host header
  std::chrono::system_clock::time_point now;
};

/// Verifies a client assertion (RFC 7523 JWT bearer, already split by parseCompactJws) of
/// `clientId` against the app's registered certificates, as the identity platform does. Every
/// refusal is 401 `invalid_client`:
/// - 50027: no `exp` or `jti` claim;
/// - 5002730: `alg` other than PS256 or RS256;
/// - 700027: no registered certificate has the header's `x5t#S256` (or, with RS256, `x5t`),
///   or the signature does not verify with that certificate's key;
/// - 700021: `iss` or `sub` is not `clientId`;
/// - 700023: `aud` is not `{scheme}://{authority}/{tenant}/oauth2/v2.0/token` (scheme and
///   host compared ignoring case, the path after percent-decoding);
/// - 500133: `exp` more than 5 minutes past, `nbf` (else `iat`) more than 5 minutes ahead, a
///   lifetime above 10 minutes (plus the 5 minutes of skew), or a `jti` already used.
/// An accepted assertion's `jti` is recorded in `replays`.
/// @return nullopt when the assertion is valid.
std::optional<TokenError> verifyClientAssertion(const std::string& clientId,
                                                const CompactJws& assertion,
                                                const AppRegistration& app,
                                                const AssertionContext& context,
                                                AssertionReplayGuard& replays);

}  // namespace emulator
