#pragma once

#include <functional>
#include <mutex>
#include <optional>

#include "auth/token_endpoint.hpp"

namespace msgraph::detail {

/// One credential's token, reused until its refresh time. Callers on many threads that find it
/// stale share one refresh: the first fetches while holding the lock, the others wait and then
/// take its result (single flight).
class TokenCache {
 public:
  AccessToken get(std::chrono::system_clock::time_point now,
                  const std::function<IssuedToken()>& fetch);
  /// Forgets the cached token if it is `token` (Graph refused it).
  void invalidate(const std::string& token) noexcept;

 private:
  std::mutex mutex_;
  std::optional<IssuedToken> cached_;
};

}  // namespace msgraph::detail
