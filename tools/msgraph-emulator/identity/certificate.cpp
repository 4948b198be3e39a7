// SPDX-License-Identifier: MIT
#include "identity/certificate.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <stdexcept>

namespace emulator {
namespace {

using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

std::string derOf(X509* certificate) {
  unsigned char* der = nullptr;
  const int length = i2d_X509(certificate, &der);
  if (length <= 0) throw std::runtime_error("cannot encode the certificate as DER");
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

std::string digestOf(const EVP_MD* md, const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, md, nullptr) != 1) {
    throw std::runtime_error("cannot compute the certificate's thumbprint");
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

CertPtr parsePem(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  CertPtr certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr,
                      &X509_free);
  ERR_clear_error();
  if (!certificate) throw std::runtime_error("no PEM certificate (BEGIN CERTIFICATE) found");
  return certificate;
}

}  // namespace

RegisteredCertificate certificateFromPem(const std::string& pem) {
  const CertPtr certificate = parsePem(pem);
  std::shared_ptr<EVP_PKEY> key(X509_get_pubkey(certificate.get()), &EVP_PKEY_free);
  if (!key || EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA) {
    ERR_clear_error();
    throw std::runtime_error("the certificate's public key is not RSA");
  }
  const std::string der = derOf(certificate.get());
  return {pem, digestOf(EVP_sha256(), der), digestOf(EVP_sha1(), der), std::move(key)};
}

}  // namespace emulator
