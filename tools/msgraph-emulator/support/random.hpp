// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

namespace emulator {

/// Fills `size` bytes at `out` from OpenSSL's CSPRNG; throws std::runtime_error if it fails.
void fillRandom(unsigned char* out, std::size_t size);
/// A random (version 4) UUID in lower-case 8-4-4-4-12 form, from OpenSSL's CSPRNG.
std::string newUuid();
/// `bytes` random bytes as unpadded base64url (32 bytes give 43 characters).
std::string randomBase64Url(std::size_t bytes);

}  // namespace emulator
