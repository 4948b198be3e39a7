// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "identity/app_roles.hpp"

namespace emulator {

/// The access tokens this emulator has issued, with their expiry and the roles of the app they
/// were issued to (as a real token's `roles` claim; these tokens are opaque). Kept in memory only:
/// a restarted emulator has forgotten them, as a real token's audience would not know a different
/// issuer.
class TokenStore {
 public:
  /// How a presented token fares.
  enum class Verdict { Valid, Unknown, Expired };

  /// A presented token's verdict and, when it is valid, the roles it carries.
  struct Check {
    Verdict verdict;
    AppRoles roles;
  };

  /// Issues a fresh opaque token (43 base64url characters) that carries `roles` and expires
  /// after `lifetime`.
  std::string issue(std::chrono::seconds lifetime, AppRoles roles);
  /// Checks a token presented as a bearer credential.
  Check check(const std::string& token) const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Record {
    Clock::time_point expiry;
    AppRoles roles;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
};

}  // namespace emulator
