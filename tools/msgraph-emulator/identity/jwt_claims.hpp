// SPDX-License-Identifier: MIT
#pragma once

// Reading the claims of a JWT the token endpoint is shown, for both kinds of client assertion:
// the app's own (signed with its certificate) and a federated token (signed by an external
// issuer). Claims are untrusted input: every accessor tolerates a wrong type.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "identity/jws_signature.hpp"
#include "msgraph/json/json.hpp"

namespace emulator {

/// The identity platform's tolerance for clock differences when it checks a JWT's times.
inline constexpr double kClockSkewSeconds = 300;

/// The string member `key` of `object`, or null when it is absent or not a string.
const std::string* stringClaim(const msgraph::Json& object, std::string_view key);

/// The numeric member `key` of `object`, or nullopt when it is absent or not a number.
std::optional<double> numericClaim(const msgraph::Json& object, std::string_view key);

/// The algorithm the JWS header's `alg` names, when it is RS256 or PS256 (the only ones the
/// identity platform takes for assertions); nullopt for anything else (`none`, `HS256`, ...).
std::optional<JwsAlgorithm> assertionAlgorithm(const msgraph::Json& header);

/// The refusal text for a header whose `alg` assertionAlgorithm refused.
std::string unsupportedAlgorithmText(const msgraph::Json& header);

/// When a JWT may be used, in seconds since the Unix epoch: from `nbf` (else `iat`, else the
/// moment it is presented) to `exp`.
struct ValidityWindow {
  double start;
  double expiry;
};

/// The window of `claims` presented at `now`; nullopt when `exp` is missing or not a number.
std::optional<ValidityWindow> validityWindow(const msgraph::Json& claims,
                                             std::chrono::system_clock::time_point now);

/// Whether `window` holds `now`, with `skewSeconds` of clock difference allowed on each side
/// (and not inverted: `exp` before the start holds no moment at all).
bool holds(const ValidityWindow& window, std::chrono::system_clock::time_point now,
           double skewSeconds);

/// `Current time: ..., assertion valid from ..., expiry time of assertion ....`, the identity
/// platform's wording for a refused time range (ISO 8601, UTC).
std::string describeWindow(const ValidityWindow& window, std::chrono::system_clock::time_point now);

/// A time in seconds since the epoch as a time point, clamped to what the clock can hold (the
/// claims are arbitrary numbers from the client).
std::chrono::system_clock::time_point timeOfClaim(double seconds);

}  // namespace emulator
