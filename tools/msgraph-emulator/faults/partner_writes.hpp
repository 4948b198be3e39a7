// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "msgraph/json/json.hpp"

namespace emulator {

/// The writes applied to each partner since the start, for `"writesByPartner"` in
/// `/emulator/stats`: what a test of a fleet run reads to prove that no partner was written
/// twice and none was missed. Thread-safe.
class PartnerWrites {
 public:
  /// Counts one applied write to `partnerId`.
  void record(const std::string& partnerId);

  /// `{"<partner tenant id>": n, ...}`, partners never written left out.
  msgraph::Json toJson() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::uint64_t> counts_;
};

}  // namespace emulator
