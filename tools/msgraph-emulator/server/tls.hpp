// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>

namespace emulator {

/// Where the server's certificate and key are.
struct TlsFiles {
  std::filesystem::path certificate;
  std::filesystem::path privateKey;
};

/// Creates `directory` if needed and writes a fresh test PKI into it: `ca.pem` (a self-signed
/// EC P-256 CA, CA:TRUE, keyCertSign), `server.pem` (signed by that CA, SAN IP:127.0.0.1,
/// DNS:localhost, IP:::1, EKU serverAuth) and `server.key` (mode 0600). Both certificates are
/// valid from an hour ago for 30 days. The CA's key is never written, so nothing else can be
/// signed with it.
/// @throws std::runtime_error naming the failing step.
TlsFiles generateSelfSigned(const std::filesystem::path& directory);

}  // namespace emulator
