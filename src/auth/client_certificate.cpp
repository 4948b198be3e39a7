// SPDX-License-Identifier: MIT
// Loading a client certificate and its RSA key from PEM or PKCS#12, checked before any request.
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include <fstream>

#include "auth/certificate_material.hpp"
#include "msgraph/error.hpp"

namespace msgraph {

namespace {

constexpr int kMinimumRsaBits = 2048;

struct BioDeleter {
  void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

[[noreturn]] void refuse(const std::string& what) {
  ERR_clear_error();  // OpenSSL's queue may describe the key; the message must not
  throw AuthenticationError("client certificate: " + what);
}

// Reads a whole file into one buffer sized up front, so that no reallocation leaves an
// unwiped copy of a private key behind.
std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) refuse("cannot read '" + path + "'");
  const std::streamoff size = in.tellg();
  if (size < 0 || size > 1024 * 1024) refuse("'" + path + "' is not a certificate file");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) refuse("cannot read '" + path + "'");
  return bytes;
}

int passwordCallback(char* buffer, int size, int, void* userdata) {
  const auto* password = static_cast<const std::string*>(userdata);
  const int length = static_cast<int>(std::min<std::size_t>(password->size(), size));
  std::copy_n(password->data(), length, buffer);
  return length;
}

// Only RSA keys of 2048 bits or more that belong to the certificate are usable.
std::unique_ptr<detail::CertificateMaterial> checked(
    std::unique_ptr<detail::CertificateMaterial> material) {
  if (!material->certificate) refuse("no certificate found");
  if (!material->key) refuse("no private key found (or the password is wrong)");
  if (EVP_PKEY_get_base_id(material->key.get()) != EVP_PKEY_RSA) {
    refuse("the key is not an RSA key; the identity platform needs RSA (2048 bits or more)");
  }
  if (EVP_PKEY_get_bits(material->key.get()) < kMinimumRsaBits) {
    refuse("the RSA key has " + std::to_string(EVP_PKEY_get_bits(material->key.get())) +
           " bits; at least 2048 are required");
  }
  if (X509_check_private_key(material->certificate.get(), material->key.get()) != 1) {
    refuse("the private key does not belong to the certificate");
  }
  return material;
}

}  // namespace

ClientCertificate::ClientCertificate(std::unique_ptr<detail::CertificateMaterial> material)
    : material_(std::move(material)) {}
ClientCertificate::~ClientCertificate() = default;
ClientCertificate::ClientCertificate(ClientCertificate&&) noexcept = default;
ClientCertificate& ClientCertificate::operator=(ClientCertificate&&) noexcept = default;

ClientCertificate ClientCertificate::fromPem(std::string_view pem, const std::string& password) {
  auto material = std::make_unique<detail::CertificateMaterial>();
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) refuse("out of memory");
  // The PEM may hold the key and the certificates in any order: read every object once.
  BioPtr keys(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  material->key.reset(PEM_read_bio_PrivateKey(keys.get(), nullptr, passwordCallback,
                                              const_cast<std::string*>(&password)));
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    detail::X509Ptr owned(cert);
    if (!material->certificate) {
      material->certificate = std::move(owned);
    } else {
      material->chain.push_back(std::move(owned));
    }
  }
  ERR_clear_error();  // the loop ends on an expected "no start line"
  return ClientCertificate(checked(std::move(material)));
}

ClientCertificate ClientCertificate::fromPemFile(const std::string& path,
                                                 const std::string& password) {
  std::string pem = readFile(path);
  try {
    ClientCertificate certificate = fromPem(pem, password);
    OPENSSL_cleanse(pem.data(), pem.size());
    return certificate;
  } catch (...) {
    OPENSSL_cleanse(pem.data(), pem.size());
    throw;
  }
}

ClientCertificate ClientCertificate::fromPfxFile(const std::string& path,
                                                 const std::string& password) {
  std::string der = readFile(path);
  BioPtr bio(BIO_new_mem_buf(der.data(), static_cast<int>(der.size())));
  PKCS12* pkcs12 = bio ? d2i_PKCS12_bio(bio.get(), nullptr) : nullptr;
  if (pkcs12 == nullptr) {
    OPENSSL_cleanse(der.data(), der.size());
    refuse("'" + path + "' is not a PKCS#12 (PFX) file");
  }
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* ca = nullptr;
  const int ok = PKCS12_parse(pkcs12, password.c_str(), &key, &cert, &ca);
  PKCS12_free(pkcs12);
  OPENSSL_cleanse(der.data(), der.size());
  if (ok != 1) refuse("cannot open '" + path + "' (wrong password?)");
  auto material = std::make_unique<detail::CertificateMaterial>();
  material->key.reset(key);
  material->certificate.reset(cert);
  for (int i = 0; ca != nullptr && i < sk_X509_num(ca); ++i) {
    material->chain.emplace_back(sk_X509_value(ca, i));
  }
  sk_X509_free(ca);  // the certificates now belong to `chain`
  return ClientCertificate(checked(std::move(material)));
}

std::string ClientCertificate::thumbprintSha256() const {
  if (!material_) throw ValidationError("certificate", "is empty (it was moved from)");
  return detail::base64(detail::digestOf(EVP_sha256(), detail::derOf(material_->certificate.get())),
                        true);
}

namespace detail {

std::string derOf(X509* certificate) {
  unsigned char* der = nullptr;
  const int length = i2d_X509(certificate, &der);
  if (length <= 0) refuse("cannot encode the certificate");
  std::string bytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return bytes;
}

std::string digestOf(const EVP_MD* md, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), out, &length, md, nullptr) != 1) refuse("digest failed");
  return std::string(reinterpret_cast<char*>(out), length);
}

std::string base64(const std::string& data, bool url) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                     reinterpret_cast<const unsigned char*>(data.data()),
                                     static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(length));
  if (!url) return out;
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

}  // namespace detail
}  // namespace msgraph
