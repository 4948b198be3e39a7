// SPDX-License-Identifier: MIT
#include "identity/token_store.hpp"

#include <utility>

#include "support/random.hpp"

namespace emulator {
namespace {

// Expired tokens are remembered this long so that their use is reported as expired rather
// than unknown, then forgotten so the map cannot grow without bound.
constexpr std::chrono::hours kRememberExpired{1};

}  // namespace

std::string TokenStore::issue(std::chrono::seconds lifetime, TokenGrant grant) {
  std::string token = randomBase64Url(32);
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = records_.begin(); it != records_.end();) {
    it = (it->second.expiry + kRememberExpired < now) ? records_.erase(it) : std::next(it);
  }
  records_.emplace(token,
                   Record{now + lifetime, std::make_shared<const TokenGrant>(std::move(grant))});
  return token;
}

TokenStore::Check TokenStore::check(const std::string& token) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = records_.find(token);
  if (found == records_.end()) return {Verdict::Unknown, {}};
  if (found->second.expiry <= Clock::now()) return {Verdict::Expired, {}};
  return {Verdict::Valid, found->second.grant};
}

}  // namespace emulator
