// SPDX-License-Identifier: MIT
#include "identity/federation.hpp"

#include <algorithm>

namespace emulator {

bool Federation::expectsFederatedToken(const std::string& clientId,
                                       const std::string& issuer) const {
  return issuerKeys.count(issuer) != 0 ||
         std::any_of(credentials.begin(), credentials.end(),
                     [&](const FederatedCredential& c) { return c.clientId == clientId; });
}

}  // namespace emulator
