// SPDX-License-Identifier: MIT
#include "faults/partner_writes.hpp"

namespace emulator {

void PartnerWrites::record(const std::string& tenant, const std::string& partnerId) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_[tenant][partnerId];
}

msgraph::Json PartnerWrites::toJson() const {
  msgraph::JsonObject out;
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [tenant, partners] : counts_) {
    msgraph::JsonObject counts;
    for (const auto& [partner, count] : partners) counts.set(partner, count);
    out.set(tenant, std::move(counts));
  }
  return out;
}

}  // namespace emulator
