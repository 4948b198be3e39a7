// SPDX-License-Identifier: MIT
#include "auth/client_assertion.hpp"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

namespace {

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};

Json header(const CertificateMaterial& material, const ClientCertificateOptions& options) {
  const bool pss = options.algorithm == AssertionAlgorithm::PS256;
  const std::string der = derOf(material.certificate.get());
  Json result = Json::object({{"alg", pss ? "PS256" : "RS256"},
                              {"typ", "JWT"},
                              {"x5t#S256", base64(digestOf(EVP_sha256(), der), true)}});
  if (!pss) result.set("x5t", base64(digestOf(EVP_sha1(), der), true));
  if (options.sendCertificateChain) {
    Json chain = Json::array();
    chain.asArray().emplace_back(base64(der, false));
    for (const auto& issuer : material.chain) {
      chain.asArray().emplace_back(base64(derOf(issuer.get()), false));
    }
    result.set("x5c", std::move(chain));
  }
  return result;
}

Json payload(const AssertionClaims& claims) {
  const auto epochSeconds = [](std::chrono::system_clock::time_point t) {
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
  };
  return Json::object({{"aud", claims.audience},
                       {"iss", claims.clientId},
                       {"sub", claims.clientId},
                       {"jti", claims.jwtId},
                       {"nbf", epochSeconds(claims.now)},
                       {"iat", epochSeconds(claims.now)},
                       {"exp", epochSeconds(claims.now + claims.lifetime)}});
}

std::string sign(EVP_PKEY* key, bool pss, const std::string& input) {
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* keyCtx = nullptr;  // owned by ctx
  bool ok = ctx && EVP_DigestSignInit(ctx.get(), &keyCtx, EVP_sha256(), nullptr, key) == 1;
  if (ok && pss) {
    // JWS PS256: PSS with MGF1-SHA-256 and a salt as long as the digest (RFC 7518 3.5).
    ok = EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(keyCtx, RSA_PSS_SALTLEN_DIGEST) == 1;
  }
  std::size_t length = 0;
  ok =
      ok && EVP_DigestSign(ctx.get(), nullptr, &length,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  std::string signature(length, '\0');
  ok =
      ok && EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  if (!ok) {
    ERR_clear_error();
    throw AuthenticationError("client certificate: signing the client assertion failed");
  }
  signature.resize(length);
  return signature;
}

}  // namespace

std::string makeClientAssertion(const CertificateMaterial& material,
                                const ClientCertificateOptions& options,
                                const AssertionClaims& claims) {
  const std::string signingInput =
      base64(header(material, options).dump(), true) + "." + base64(payload(claims).dump(), true);
  const bool pss = options.algorithm == AssertionAlgorithm::PS256;
  return signingInput + "." + base64(sign(material.key.get(), pss, signingInput), true);
}

}  // namespace msgraph::detail
