// SPDX-License-Identifier: MIT
#pragma once

// JWTs made in a test, as an external issuer (a Kubernetes cluster, GitHub Actions) would make
// them: compact JWS signed RS256 or PS256 with OpenSSL directly, independent of the code under
// test, or with any header and signature bytes for the tokens a verifier must refuse.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <chrono>
#include <memory>
#include <string>

#include "msgraph/json/json.hpp"
#include "unit/test_certificates.hpp"

namespace msgraph_test {

/// The signature schemes of RFC 7518 3.3 and 3.5 with SHA-256.
enum class JwtAlgorithm { RS256, PS256 };

/// The PEM `PUBLIC KEY` (SubjectPublicKeyInfo) of `key`, as an issuer publishes it.
inline std::string publicKeyPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  expect(bio && PEM_write_bio_PUBKEY(bio.get(), key) == 1, "PEM_write_bio_PUBKEY");
  return bioText(bio.get());
}

/// `base64url(header).base64url(claims).base64url(signature)`, with the bytes given.
inline std::string compactJws(const msgraph::Json& header, const msgraph::Json& claims,
                              const std::string& signature) {
  return base64Encode(header.dump(), true) + "." + base64Encode(claims.dump(), true) + "." +
         base64Encode(signature, true);
}

/// The RS256 or PS256 (MGF1-SHA-256, 32-byte salt) signature of `input` with `key`.
inline std::string rsaSignature(EVP_PKEY* key, JwtAlgorithm algorithm, const std::string& input) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* keyCtx = nullptr;
  expect(ctx && EVP_DigestSignInit(ctx.get(), &keyCtx, EVP_sha256(), nullptr, key) == 1,
         "EVP_DigestSignInit");
  if (algorithm == JwtAlgorithm::PS256) {
    expect(EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PSS_PADDING) == 1 &&
               EVP_PKEY_CTX_set_rsa_mgf1_md(keyCtx, EVP_sha256()) == 1 &&
               EVP_PKEY_CTX_set_rsa_pss_saltlen(keyCtx, 32) == 1,
           "PSS parameters");
  } else {
    expect(EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PADDING) == 1, "PKCS#1 padding");
  }
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  expect(EVP_DigestSign(ctx.get(), nullptr, &length, data, input.size()) == 1, "EVP_DigestSign");
  std::string signature(length, '\0');
  expect(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(&signature[0]), &length, data,
                        input.size()) == 1,
         "EVP_DigestSign");
  signature.resize(length);
  return signature;
}

/// A JWT of `claims` signed with `key`; the header has `alg`, `typ` and `kid`.
inline std::string signedJwt(EVP_PKEY* key, JwtAlgorithm algorithm, const msgraph::Json& claims,
                             const std::string& kid = "test-key") {
  const msgraph::Json header =
      msgraph::Json::object({{"alg", algorithm == JwtAlgorithm::PS256 ? "PS256" : "RS256"},
                             {"typ", "JWT"},
                             {"kid", kid}});
  const std::string input =
      base64Encode(header.dump(), true) + "." + base64Encode(claims.dump(), true);
  return input + "." + base64Encode(rsaSignature(key, algorithm, input), true);
}

/// Seconds since the Unix epoch, `offset` from now, for `exp`, `nbf` and `iat`.
inline std::int64_t epochSeconds(std::chrono::seconds offset = std::chrono::seconds(0)) {
  return std::chrono::duration_cast<std::chrono::seconds>(
             (std::chrono::system_clock::now() + offset).time_since_epoch())
      .count();
}

}  // namespace msgraph_test
