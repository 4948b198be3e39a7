#include "auth/token_cache.hpp"

#include <iterator>

namespace msgraph::detail {

AccessToken TokenCache::get(const std::string& scope, std::chrono::system_clock::time_point now,
                            const std::function<IssuedToken()>& fetch) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = cached_.find(scope);
  if (found == cached_.end() || now >= found->second.refreshAt) {
    found = cached_.insert_or_assign(scope, fetch()).first;
  }
  return found->second.token;
}

void TokenCache::invalidate(const std::string& token) noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = cached_.begin(); it != cached_.end();) {
    it = it->second.token.token == token ? cached_.erase(it) : std::next(it);
  }
}

}  // namespace msgraph::detail
