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

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

BioPtr memoryBio(const std::string& text) {
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), &BIO_free);
}

CertPtr parsePem(const std::string& pem) {
  const BioPtr bio = memoryBio(pem);
  CertPtr certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr,
                      &X509_free);
  ERR_clear_error();
  if (!certificate) throw std::runtime_error("no PEM certificate (BEGIN CERTIFICATE) found");
  return certificate;
}

std::shared_ptr<EVP_PKEY> requireRsa(EVP_PKEY* key, const char* what) {
  std::shared_ptr<EVP_PKEY> owned(key, &EVP_PKEY_free);
  if (!owned || EVP_PKEY_base_id(owned.get()) != EVP_PKEY_RSA) {
    ERR_clear_error();
    throw std::runtime_error(std::string(what) + " is not RSA");
  }
  return owned;
}

// The key of the first PEM block `read` finds in `pem`, or null.
template <typename Reader>
EVP_PKEY* readKey(const std::string& pem, Reader read) {
  const BioPtr bio = memoryBio(pem);
  EVP_PKEY* key = bio ? read(bio.get()) : nullptr;
  ERR_clear_error();
  return key;
}

}  // namespace

RegisteredCertificate certificateFromPem(const std::string& pem) {
  const CertPtr certificate = parsePem(pem);
  std::shared_ptr<EVP_PKEY> key =
      requireRsa(X509_get_pubkey(certificate.get()), "the certificate's public key");
  const std::string der = derOf(certificate.get());
  return {pem, digestOf(EVP_sha256(), der), digestOf(EVP_sha1(), der), std::move(key)};
}

std::shared_ptr<EVP_PKEY> rsaPublicKeyFromPem(const std::string& pem) {
  EVP_PKEY* key =
      readKey(pem, [](BIO* bio) { return PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr); });
  if (key == nullptr) {
    key = readKey(pem, [](BIO* bio) {
      const CertPtr certificate(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr), &X509_free);
      return certificate ? X509_get_pubkey(certificate.get()) : nullptr;
    });
  }
  if (key == nullptr) {
    throw std::runtime_error(
        "no PEM public key (BEGIN PUBLIC KEY) or certificate (BEGIN CERTIFICATE) found");
  }
  return requireRsa(key, "the public key");
}

}  // namespace emulator
