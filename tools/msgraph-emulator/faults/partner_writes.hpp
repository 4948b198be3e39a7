// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "msgraph/json/json.hpp"

namespace emulator {

/// The writes applied to each partner of each tenant since the start, for `"writesByPartner"`
/// in `/emulator/stats`: what a test of a fleet run reads to prove that no partner was written
/// twice and none was missed. Thread-safe.
class PartnerWrites {
 public:
  /// Counts one applied write to `partnerId` in the policies of `tenant` (a tenant key).
  void record(const std::string& tenant, const std::string& partnerId);

  /// `{"<tenant>": {"<partner tenant id>": n, ...}, ...}`, in key order; partners and tenants
  /// never written left out.
  msgraph::Json toJson() const;

 private:
  mutable std::mutex mutex_;
  // Ordered, as the partner list pages, so that two snapshots compare line by line.
  std::map<std::string, std::map<std::string, std::uint64_t>> counts_;
};

}  // namespace emulator
