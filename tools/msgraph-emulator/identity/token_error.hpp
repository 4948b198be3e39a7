// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>

namespace emulator {

/// A refusal in the identity platform's terms: HTTP status, OAuth `error`, AADSTS number and
/// the description's first line (without the `AADSTSnnn: ` prefix).
struct TokenError {
  int status;
  std::string error;
  long aadsts;
  std::string description;
};

/// Entra's refusal of a client's credential (an assertion, a federated token): 401
/// `invalid_client` with the given AADSTS number and description.
inline TokenError invalidClient(long aadsts, std::string description) {
  return {401, "invalid_client", aadsts, std::move(description)};
}

}  // namespace emulator
