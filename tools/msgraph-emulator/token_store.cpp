#include "token_store.hpp"

#include "ids.hpp"

namespace emulator {
namespace {

// Expired tokens are remembered this long so that their use is reported as expired rather
// than unknown, then forgotten so the map cannot grow without bound.
constexpr std::chrono::hours kRememberExpired{1};

}  // namespace

std::string TokenStore::issue(std::chrono::seconds lifetime) {
  std::string token = randomBase64Url(32);
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = expiries_.begin(); it != expiries_.end();) {
    it = (it->second + kRememberExpired < now) ? expiries_.erase(it) : std::next(it);
  }
  expiries_.emplace(token, now + lifetime);
  return token;
}

TokenStore::Verdict TokenStore::check(const std::string& token) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = expiries_.find(token);
  if (found == expiries_.end()) return Verdict::Unknown;
  return found->second > Clock::now() ? Verdict::Valid : Verdict::Expired;
}

}  // namespace emulator
