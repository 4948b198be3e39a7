// SPDX-License-Identifier: MIT
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <vector>

#include "msgraph/auth/client_certificate_credential.hpp"

namespace msgraph {

namespace detail {
struct PkeyDeleter {
  void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }  // RSA_free clears
};
struct X509Deleter {
  void operator()(X509* cert) const noexcept { X509_free(cert); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
}  // namespace detail

namespace detail {

/// The loaded certificate, its chain and its private key.
struct CertificateMaterial {
  X509Ptr certificate;
  std::vector<X509Ptr> chain;  // issuers, for x5c
  PkeyPtr key;
};

/// DER bytes of a certificate.
std::string derOf(X509* certificate);
/// A digest (`EVP_sha256()`, `EVP_sha1()`) of `data`.
std::string digestOf(const EVP_MD* md, const std::string& data);
/// base64url without padding (RFC 7515), or standard base64 with padding.
std::string base64(const std::string& data, bool url);

}  // namespace detail
}  // namespace msgraph
