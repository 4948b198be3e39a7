#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace emulator {

/// The access tokens this emulator has issued, with their expiry. Kept in memory only: a
/// restarted emulator has forgotten them, as a real token's audience would not know a
/// different issuer.
class TokenStore {
 public:
  /// How a presented token fares.
  enum class Verdict { Valid, Unknown, Expired };

  /// Issues a fresh opaque token (43 base64url characters) that expires after `lifetime`.
  std::string issue(std::chrono::seconds lifetime);
  /// Checks a token presented as a bearer credential.
  Verdict check(const std::string& token) const;

 private:
  using Clock = std::chrono::steady_clock;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Clock::time_point> expiries_;
};

}  // namespace emulator
