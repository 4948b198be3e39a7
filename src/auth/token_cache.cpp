// SPDX-License-Identifier: MIT
#include "auth/token_cache.hpp"

namespace msgraph::detail {

AccessToken TokenCache::get(const std::string& scope, std::chrono::system_clock::time_point now,
                            const std::function<IssuedToken()>& fetch) {
  std::unique_lock<std::mutex> lock(mutex_);
  Entry& entry = entries_[scope];  // std::map: the reference stays valid while unlocked
  if (entry.hasToken && now < entry.issued.refreshAt) return entry.issued.token;
  if (entry.fetching) {
    const unsigned long waitingFor = entry.generation;
    fetched_.wait(lock, [&] { return entry.generation != waitingFor; });
    if (entry.failure) std::rethrow_exception(entry.failure);
    return entry.issued.token;
  }
  return refresh(lock, entry, now, fetch);
}

AccessToken TokenCache::refresh(std::unique_lock<std::mutex>& lock, Entry& entry,
                                std::chrono::system_clock::time_point now,
                                const std::function<IssuedToken()>& fetch) {
  entry.fetching = true;
  lock.unlock();
  std::exception_ptr failure;
  IssuedToken issued;
  try {
    issued = fetch();
  } catch (...) {
    failure = std::current_exception();
  }
  lock.lock();
  entry.fetching = false;
  ++entry.generation;
  const bool oldStillValid = entry.hasToken && now < entry.issued.token.expiresOn;
  entry.failure = failure && !oldStillValid ? failure : nullptr;
  if (!failure) {
    entry.issued = std::move(issued);
    entry.hasToken = true;
  }
  fetched_.notify_all();
  if (entry.failure) std::rethrow_exception(entry.failure);
  return entry.issued.token;
}

void TokenCache::invalidate(const std::string& token) noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [scope, entry] : entries_) {
    if (entry.hasToken && entry.issued.token.token == token) entry.hasToken = false;
  }
}

}  // namespace msgraph::detail
