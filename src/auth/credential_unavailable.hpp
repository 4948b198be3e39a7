// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "msgraph/error.hpp"

namespace msgraph::detail {

/// An AuthenticationError saying that a credential is not set up where the program runs: its
/// variables are not set, no managed identity endpoint answers, `az` is not installed or not
/// signed in. DefaultCredential moves on to the next credential after this error and stops at
/// any other (a credential that is set up but failed).
class CredentialUnavailableError final : public AuthenticationError {
 public:
  using AuthenticationError::AuthenticationError;
};

/// Why a credential cannot be used, found when it was made and thrown anew by every getToken
/// (a fresh exception each time: callers may add to an error they catch).
struct SetupProblem {
  bool unavailable = false;  // not set up here, rather than set up wrongly
  std::string message;       // empty: no problem

  explicit operator bool() const noexcept { return !message.empty(); }
  [[noreturn]] void raise() const {
    if (unavailable) throw CredentialUnavailableError(message);
    throw AuthenticationError(message);
  }
};

}  // namespace msgraph::detail
