// SPDX-License-Identifier: MIT
#include "faults/partner_writes.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace emulator {

void PartnerWrites::record(const std::string& partnerId) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_[partnerId];
}

msgraph::Json PartnerWrites::toJson() const {
  std::vector<std::pair<std::string, std::uint64_t>> sorted;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sorted.assign(counts_.begin(), counts_.end());
  }
  // In tenant id order, as the partner list pages, so that two snapshots compare line by line.
  std::sort(sorted.begin(), sorted.end());
  msgraph::JsonObject out;
  for (auto& [partner, count] : sorted) out.set(std::move(partner), count);
  return out;
}

}  // namespace emulator
