// SPDX-License-Identifier: MIT
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>

namespace emulator {

/// An app's registered certificate: the PEM text as given (which is what the data file keeps),
/// the thumbprints a client assertion names it by, and its RSA public key.
struct RegisteredCertificate {
  std::string pem;
  std::string sha256Thumbprint;  // raw digest of the DER certificate, for `x5t#S256`
  std::string sha1Thumbprint;    // raw digest of the DER certificate, for `x5t`
  std::shared_ptr<EVP_PKEY> publicKey;
};

/// Reads one certificate from PEM text. Only the certificate is used; a private key in the
/// same text is ignored.
/// @throws std::runtime_error if the text holds no PEM certificate or its key is not RSA (the
/// identity platform accepts only RSA certificates for client assertions).
RegisteredCertificate certificateFromPem(const std::string& pem);

/// Reads an RSA public key from PEM text: a `PUBLIC KEY` (SubjectPublicKeyInfo) or, failing
/// that, the key of a `CERTIFICATE`.
/// @throws std::runtime_error if the text holds none of them or the key is not RSA.
std::shared_ptr<EVP_PKEY> rsaPublicKeyFromPem(const std::string& pem);

}  // namespace emulator
