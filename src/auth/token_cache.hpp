// SPDX-License-Identifier: MIT
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "auth/token_endpoint.hpp"

namespace msgraph::detail {

/// One credential's tokens, one per scope, each reused until its refresh time.
///
/// Single flight: when a token is stale, the first caller fetches a new one without holding the
/// lock; callers that arrive meanwhile wait for that fetch and share its outcome, token or
/// error, so a slow or failing endpoint is asked once, not once per waiting thread. A refresh
/// that fails while the old token has not yet expired falls back to the old token.
class TokenCache {
 public:
  AccessToken get(const std::string& scope, std::chrono::system_clock::time_point now,
                  const std::function<IssuedToken()>& fetch);
  /// Forgets the cached token if it is `token` (Graph refused it).
  void invalidate(const std::string& token) noexcept;

 private:
  struct Entry {
    bool hasToken = false;
    IssuedToken issued;
    bool fetching = false;
    unsigned long generation = 0;  // fetches completed, so waiters know theirs has ended
    std::exception_ptr failure;    // what the last completed fetch threw, if it failed
  };

  AccessToken refresh(std::unique_lock<std::mutex>& lock, Entry& entry,
                      std::chrono::system_clock::time_point now,
                      const std::function<IssuedToken()>& fetch);

  std::mutex mutex_;
  std::condition_variable fetched_;
  std::map<std::string, Entry> entries_;  // by scope
};

}  // namespace msgraph::detail
