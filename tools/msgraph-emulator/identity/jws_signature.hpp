// SPDX-License-Identifier: MIT
#pragma once

#include <openssl/evp.h>

#include <string>

namespace emulator {

/// The JWS algorithms the identity platform takes for client assertions (RFC 7518 3.3, 3.5).
enum class JwsAlgorithm { RS256, PS256 };

/// Whether `signature` is a valid `algorithm` signature of `signingInput` under the RSA public
/// key `key`: RS256 is RSASSA-PKCS1-v1_5 with SHA-256; PS256 is RSASSA-PSS with SHA-256,
/// MGF1-SHA-256 and a 32-byte salt, as JWS requires (other salt lengths are refused).
bool verifyJwsSignature(EVP_PKEY* key, JwsAlgorithm algorithm, const std::string& signingInput,
                        const std::string& signature);

}  // namespace emulator
