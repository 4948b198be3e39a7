// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace emulator {

/// A refusal in the identity platform's terms: HTTP status, OAuth `error`, AADSTS number and
/// the description's first line (without the `AADSTSnnn: ` prefix).
struct TokenError {
  int status;
  std::string error;
  long aadsts;
  std::string description;
};

}  // namespace emulator
