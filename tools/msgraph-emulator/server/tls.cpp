// SPDX-License-Identifier: MIT
#include "server/tls.hpp"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace emulator {
namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;
using Extensions = std::vector<std::pair<int, const char*>>;

constexpr long kValidBeforeSeconds = 3600;
constexpr long kValiditySeconds = 30L * 24 * 3600;

[[noreturn]] void fail(const std::string& step) {
  const unsigned long code = ERR_get_error();
  char reason[256] = "unknown error";
  if (code != 0) ERR_error_string_n(code, reason, sizeof reason);
  ERR_clear_error();
  throw std::runtime_error("TLS setup: " + step + ": " + reason);
}

void check(int ok, const std::string& step) {
  if (ok != 1) fail(step);
}

KeyPtr newKey() {
  KeyPtr key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
  if (!key) fail("generate an EC P-256 key");
  return key;
}

void setRandomSerial(X509* certificate) {
  std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), &BN_free);
  // 127 random bits keep the serial positive and unique, as RFC 5280 asks.
  if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
      BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) == nullptr) {
    fail("make a serial number");
  }
}

void addExtensions(X509* certificate, X509* issuer, const Extensions& extensions) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
  for (const auto& [nid, value] : extensions) {
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (extension == nullptr) fail(std::string("build extension ") + OBJ_nid2sn(nid));
    const int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    check(added, std::string("add extension ") + OBJ_nid2sn(nid));
  }
}

// A certificate for `subjectKey` named `commonName`, signed by `issuerKey`; `issuer` is null
// for a self-signed certificate.
CertPtr newCertificate(const char* commonName, EVP_PKEY* subjectKey, X509* issuer,
                       EVP_PKEY* issuerKey, const Extensions& extensions) {
  CertPtr certificate(X509_new(), &X509_free);
  if (!certificate) fail("allocate a certificate");
  X509* cert = certificate.get();
  check(X509_set_version(cert, 2), "set version");
  setRandomSerial(cert);
  if (X509_gmtime_adj(X509_getm_notBefore(cert), -kValidBeforeSeconds) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert), kValiditySeconds) == nullptr) {
    fail("set validity");
  }
  check(X509_set_pubkey(cert, subjectKey), "set public key");
  X509_NAME* name = X509_get_subject_name(cert);
  const auto* organization = reinterpret_cast<const unsigned char*>("msgraph-emulator");
  const auto* cn = reinterpret_cast<const unsigned char*>(commonName);
  check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, organization, -1, -1, 0), "set O");
  check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0), "set CN");
  check(X509_set_issuer_name(cert, issuer != nullptr ? X509_get_subject_name(issuer) : name),
        "set issuer");
  addExtensions(cert, issuer != nullptr ? issuer : cert, extensions);
  if (X509_sign(cert, issuerKey, EVP_sha256()) <= 0) fail("sign certificate");
  return certificate;
}

// Opens `path` for writing with `mode`, also when it already exists with wider permissions.
FILE* openForWrite(const std::filesystem::path& path, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0 || ::fchmod(fd, mode) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("TLS setup: cannot write " + path.string() + ": " + reason);
  }
  FILE* file = ::fdopen(fd, "w");
  if (file == nullptr) {
    ::close(fd);
    throw std::runtime_error("TLS setup: cannot write " + path.string());
  }
  return file;
}

template <typename Write>
void writePem(const std::filesystem::path& path, mode_t mode, Write write) {
  FILE* file = openForWrite(path, mode);
  const bool written = write(file) == 1;
  if (std::fclose(file) != 0 || !written) fail("write " + path.string());
}

}  // namespace

TlsFiles generateSelfSigned(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    throw std::runtime_error("TLS setup: cannot create " + directory.string() + ": " +
                             error.message());
  }
  const KeyPtr caKey = newKey();
  const CertPtr ca = newCertificate("msgraph-emulator test CA", caKey.get(), nullptr, caKey.get(),
                                    {{NID_basic_constraints, "critical,CA:TRUE"},
                                     {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                     {NID_subject_key_identifier, "hash"}});
  const KeyPtr serverKey = newKey();
  const CertPtr server =
      newCertificate("localhost", serverKey.get(), ca.get(), caKey.get(),
                     {{NID_basic_constraints, "critical,CA:FALSE"},
                      {NID_key_usage, "critical,digitalSignature"},
                      {NID_ext_key_usage, "serverAuth"},
                      {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost,IP:::1"},
                      {NID_subject_key_identifier, "hash"},
                      {NID_authority_key_identifier, "keyid:always"}});

  const TlsFiles files{directory / "server.pem", directory / "server.key"};
  writePem(directory / "ca.pem", 0644, [&](FILE* f) { return PEM_write_X509(f, ca.get()); });
  writePem(files.certificate, 0644, [&](FILE* f) { return PEM_write_X509(f, server.get()); });
  writePem(files.privateKey, 0600, [&](FILE* f) {
    return PEM_write_PrivateKey(f, serverKey.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  return files;
}

}  // namespace emulator
