// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>

#include "auth/certificate_material.hpp"

namespace msgraph::detail {

/// What goes into one client assertion.
struct AssertionClaims {
  std::string audience;  // the token URL
  std::string clientId;  // iss and sub
  std::string jwtId;     // jti, unique per assertion
  std::chrono::system_clock::time_point now;
  std::chrono::seconds lifetime{std::chrono::minutes(10)};
};

/// A signed JWT client assertion (RFC 7523) for the identity platform: header `alg`, `typ`,
/// `x5t#S256` (plus `x5t` for RS256, `x5c` when asked), claims aud/iss/sub/jti/nbf/iat/exp,
/// signed with the certificate's RSA key through OpenSSL's EVP API.
std::string makeClientAssertion(const CertificateMaterial& material,
                                const ClientCertificateOptions& options,
                                const AssertionClaims& claims);

}  // namespace msgraph::detail
