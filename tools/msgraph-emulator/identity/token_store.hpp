// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "identity/app_roles.hpp"

namespace emulator {

/// Whom a token was issued to: the claims of a real token that the emulator reads (`appid`,
/// `tid` and `roles`; these tokens are opaque).
struct TokenGrant {
  /// The client id of the app.
  std::string appId;
  /// The tenant of the token request's path, in lower case (GUIDs and domain names compare
  /// ignoring case).
  std::string tenantId;
  /// The application permissions of the app.
  AppRoles roles;
};

/// The access tokens this emulator has issued, with their expiry and their grant. Kept in memory
/// only:
/// a restarted emulator has forgotten them, as a real token's audience would not know a different
/// issuer.
class TokenStore {
 public:
  /// How a presented token fares.
  enum class Verdict { Valid, Unknown, Expired };

  /// A presented token's verdict and, when it is valid, its grant (shared, not copied).
  struct Check {
    Verdict verdict;
    std::shared_ptr<const TokenGrant> grant;
  };

  /// Issues a fresh opaque token (43 base64url characters) for `grant` that expires after
  /// `lifetime`.
  std::string issue(std::chrono::seconds lifetime, TokenGrant grant);
  /// Checks a token presented as a bearer credential.
  Check check(const std::string& token) const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Record {
    Clock::time_point expiry;
    std::shared_ptr<const TokenGrant> grant;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
};

}  // namespace emulator
