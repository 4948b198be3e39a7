#include "auth/token_cache.hpp"

namespace msgraph::detail {

AccessToken TokenCache::get(std::chrono::system_clock::time_point now,
                            const std::function<IssuedToken()>& fetch) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!cached_ || now >= cached_->refreshAt) cached_ = fetch();
  return cached_->token;
}

void TokenCache::invalidate(const std::string& token) noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cached_ && cached_->token.token == token) cached_.reset();
}

}  // namespace msgraph::detail
