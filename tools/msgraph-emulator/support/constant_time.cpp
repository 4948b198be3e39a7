// SPDX-License-Identifier: MIT
#include "support/constant_time.hpp"

#include <openssl/crypto.h>

namespace emulator {

bool constantTimeEquals(std::string_view given, std::string_view expected) {
  return given.size() == expected.size() &&
         CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

}  // namespace emulator
