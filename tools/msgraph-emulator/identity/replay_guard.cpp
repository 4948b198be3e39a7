// SPDX-License-Identifier: MIT
#include "identity/replay_guard.hpp"

namespace emulator {

bool AssertionReplayGuard::firstUse(const std::string& clientId, const std::string& jti,
                                    Clock::time_point forgetAfter, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = seen_.begin(); it != seen_.end();) {
    it = it->second < now ? seen_.erase(it) : std::next(it);
  }
  return seen_.emplace(std::make_pair(clientId, jti), forgetAfter).second;
}

}  // namespace emulator
