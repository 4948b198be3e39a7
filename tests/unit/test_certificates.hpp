// SPDX-License-Identifier: MIT
// Test helpers: keys, certificates, PEM/PFX files and encodings made in memory with OpenSSL, so
// the credential tests need no fixture files and check the library against an independent
// implementation.
#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <unistd.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "support/temp_dir.hpp"

namespace msgraph_test {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
struct X509Free {
  void operator()(X509* cert) const noexcept { X509_free(cert); }
};
struct BioFree {
  void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};
struct Pkcs12Free {
  void operator()(PKCS12* p12) const noexcept { PKCS12_free(p12); }
};
using Key = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Certificate = std::unique_ptr<X509, X509Free>;
using Bio = std::unique_ptr<BIO, BioFree>;

inline void expect(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test OpenSSL helper failed: ") + what);
}

inline Key rsaKey(unsigned int bits = 2048) {
  Key key(EVP_RSA_gen(bits));
  expect(key != nullptr, "EVP_RSA_gen");
  return key;
}

// The RSA key of this name, made once per test program and shared by every test that asks for
// it: making a 2048-bit key takes a few hundred milliseconds, and fixtures built anew for each
// section would make dozens. Different names are different keys.
inline Key sharedRsaKey(const std::string& name, unsigned int bits = 2048) {
  static std::mutex mutex;
  // Never destroyed: OpenSSL's own clean-up at exit may run before a static's destructor would.
  static auto* keys = new std::map<std::pair<std::string, unsigned int>, Key>();
  const std::lock_guard<std::mutex> lock(mutex);
  Key& key = (*keys)[{name, bits}];
  if (key == nullptr) key = rsaKey(bits);
  expect(EVP_PKEY_up_ref(key.get()) == 1, "EVP_PKEY_up_ref");
  return Key(key.get());
}

inline Key ecP256Key() {
  Key key(EVP_EC_gen("P-256"));
  expect(key != nullptr, "EVP_EC_gen");
  return key;
}

// A certificate for `key` named CN=`commonName`, signed by `issuerKey` under `issuer` (or
// self-signed when `issuer` is null), valid for a day.
inline Certificate makeCertificate(EVP_PKEY* key, const std::string& commonName,
                                   X509* issuer = nullptr, EVP_PKEY* issuerKey = nullptr) {
  Certificate cert(X509_new());
  expect(cert != nullptr, "X509_new");
  static long serial = 1;
  expect(X509_set_version(cert.get(), 2) == 1, "X509_set_version");
  expect(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial++) == 1, "serial");
  expect(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60) != nullptr, "notBefore");
  expect(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24L * 3600) != nullptr, "notAfter");
  expect(X509_set_pubkey(cert.get(), key) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(cert.get());
  expect(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                    reinterpret_cast<const unsigned char*>(commonName.c_str()), -1,
                                    -1, 0) == 1,
         "CN");
  expect(X509_set_issuer_name(cert.get(),
                              issuer != nullptr ? X509_get_subject_name(issuer) : name) == 1,
         "issuer");
  expect(X509_sign(cert.get(), issuerKey != nullptr ? issuerKey : key, EVP_sha256()) > 0,
         "X509_sign");
  return cert;
}

inline std::string bioText(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(length));
}

inline std::string certificatePem(X509* cert) {
  Bio bio(BIO_new(BIO_s_mem()));
  expect(PEM_write_bio_X509(bio.get(), cert) == 1, "PEM_write_bio_X509");
  return bioText(bio.get());
}

// The private key as PKCS#8 PEM, encrypted with AES-256-CBC when `password` is not empty.
inline std::string privateKeyPem(EVP_PKEY* key, const std::string& password = {}) {
  Bio bio(BIO_new(BIO_s_mem()));
  const EVP_CIPHER* cipher = password.empty() ? nullptr : EVP_aes_256_cbc();
  auto* pass = reinterpret_cast<const unsigned char*>(password.data());
  expect(PEM_write_bio_PrivateKey(bio.get(), key, cipher, pass, static_cast<int>(password.size()),
                                  nullptr, nullptr) == 1,
         "PEM_write_bio_PrivateKey");
  return bioText(bio.get());
}

// The private key in the traditional format (`BEGIN RSA PRIVATE KEY`), with an OpenSSL
// `DEK-Info` AES-256-CBC encryption when `password` is not empty.
inline std::string traditionalKeyPem(EVP_PKEY* key, const std::string& password = {}) {
  Bio bio(BIO_new(BIO_s_mem()));
  const EVP_CIPHER* cipher = password.empty() ? nullptr : EVP_aes_256_cbc();
  auto* pass = reinterpret_cast<unsigned char*>(const_cast<char*>(password.data()));
  expect(
      PEM_write_bio_PrivateKey_traditional(
          bio.get(), key, cipher, pass, static_cast<int>(password.size()), nullptr, nullptr) == 1,
      "PEM_write_bio_PrivateKey_traditional");
  return bioText(bio.get());
}

inline std::string der(X509* cert) {
  unsigned char* bytes = nullptr;
  const int length = i2d_X509(cert, &bytes);
  expect(length > 0, "i2d_X509");
  std::string out(reinterpret_cast<char*>(bytes), static_cast<std::size_t>(length));
  OPENSSL_free(bytes);
  return out;
}

// A PKCS#12 (PFX) file's bytes holding `key` and `cert`, protected by `password`.
inline std::string pfx(EVP_PKEY* key, X509* cert, const std::string& password) {
  std::unique_ptr<PKCS12, Pkcs12Free> p12(
      PKCS12_create(password.c_str(), "msgraph test", key, cert, nullptr, 0, 0, 0, 0, 0));
  expect(p12 != nullptr, "PKCS12_create");
  Bio bio(BIO_new(BIO_s_mem()));
  expect(i2d_PKCS12_bio(bio.get(), p12.get()) == 1, "i2d_PKCS12_bio");
  return bioText(bio.get());
}

inline std::string digest(const EVP_MD* md, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  expect(EVP_Digest(data.data(), data.size(), out, &length, md, nullptr) == 1, "EVP_Digest");
  return std::string(reinterpret_cast<char*>(out), length);
}

// RFC 4648 base64; `url` selects the URL alphabet without padding (RFC 7515).
inline std::string base64Encode(const std::string& data, bool url) {
  const char* alphabet = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                             : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : data) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(alphabet[(buffer >> bits) & 0x3f]);
    }
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (6 - bits)) & 0x3f]);
  if (!url) {
    while (out.size() % 4 != 0) out.push_back('=');
  }
  return out;
}

// Decodes base64url without padding; throws on any character outside the URL alphabet.
inline std::string base64UrlDecode(const std::string& text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    std::uint32_t value = 0;
    if (c >= 'A' && c <= 'Z') {
      value = static_cast<std::uint32_t>(c - 'A');
    } else if (c >= 'a' && c <= 'z') {
      value = static_cast<std::uint32_t>(c - 'a' + 26);
    } else if (c >= '0' && c <= '9') {
      value = static_cast<std::uint32_t>(c - '0' + 52);
    } else if (c == '-') {
      value = 62;
    } else if (c == '_') {
      value = 63;
    } else {
      throw std::runtime_error(std::string("not base64url: '") + c + "'");
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

// Verifies an RS256 (PKCS#1 v1.5) or PS256 (PSS, MGF1-SHA-256, 32-byte salt) signature.
inline bool verifySignature(X509* cert, bool pss, const std::string& signingInput,
                            const std::string& signature) {
  Key publicKey(X509_get_pubkey(cert));
  expect(publicKey != nullptr, "X509_get_pubkey");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* keyCtx = nullptr;
  expect(EVP_DigestVerifyInit(ctx.get(), &keyCtx, EVP_sha256(), nullptr, publicKey.get()) == 1,
         "EVP_DigestVerifyInit");
  if (pss) {
    expect(EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PSS_PADDING) == 1, "PSS padding");
    expect(EVP_PKEY_CTX_set_rsa_pss_saltlen(keyCtx, 32) == 1, "PSS salt length");
    expect(EVP_PKEY_CTX_set_rsa_mgf1_md(keyCtx, EVP_sha256()) == 1, "MGF1 digest");
  } else {
    expect(EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PADDING) == 1, "PKCS#1 padding");
  }
  return EVP_DigestVerify(
             ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
             reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size()) == 1;
}

// A fresh directory under the system temp dir, removed with everything in it.
using TempDir = msgraph_test::TempDir;  // one helper for every test program

}  // namespace msgraph_test
