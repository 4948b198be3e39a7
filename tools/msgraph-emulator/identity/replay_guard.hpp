// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace emulator {

/// The client assertions already used, by client id and `jti`, so that a captured assertion
/// cannot be presented a second time. Kept in memory only, like issued tokens; an entry is
/// forgotten once its assertion would be refused as expired anyway, which bounds the map by
/// the number of assertions accepted within one assertion lifetime.
class AssertionReplayGuard {
 public:
  using Clock = std::chrono::system_clock;

  /// Records the assertion `jti` of `clientId`, to be remembered until `forgetAfter`.
  /// @return false if it was recorded before and not yet forgotten: a replay.
  bool firstUse(const std::string& clientId, const std::string& jti, Clock::time_point forgetAfter,
                Clock::time_point now);

 private:
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Clock::time_point> seen_;
};

}  // namespace emulator
