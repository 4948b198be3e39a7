// SPDX-License-Identifier: MIT
#include "identity/jws_signature.hpp"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include <memory>

namespace emulator {

bool verifyJwsSignature(EVP_PKEY* key, JwsAlgorithm algorithm, const std::string& signingInput,
                        const std::string& signature) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  EVP_PKEY_CTX* keyContext = nullptr;  // owned by context
  bool ok =
      context && EVP_DigestVerifyInit(context.get(), &keyContext, EVP_sha256(), nullptr, key) == 1;
  if (ok && algorithm == JwsAlgorithm::PS256) {
    ok = EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, EVP_sha256()) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) == 1;
  } else if (ok) {
    ok = EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1;
  }
  ok = ok && EVP_DigestVerify(
                 context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                 signature.size(), reinterpret_cast<const unsigned char*>(signingInput.data()),
                 signingInput.size()) == 1;
  // A refused signature leaves reasons on OpenSSL's thread-local error queue; they must not
  // surface in an unrelated later call on this server thread.
  ERR_clear_error();
  return ok;
}

}  // namespace emulator
