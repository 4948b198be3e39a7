#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "auth/token_endpoint.hpp"

namespace msgraph::detail {

/// One credential's tokens, one per scope, each reused until its refresh time. Callers on many
/// threads that find it stale share one refresh: the first fetches while holding the lock, the
/// others wait and then take its result (single flight).
class TokenCache {
 public:
  AccessToken get(const std::string& scope, std::chrono::system_clock::time_point now,
                  const std::function<IssuedToken()>& fetch);
  /// Forgets the cached token if it is `token` (Graph refused it).
  void invalidate(const std::string& token) noexcept;

 private:
  std::mutex mutex_;
  std::map<std::string, IssuedToken> cached_;  // by scope
};

}  // namespace msgraph::detail
