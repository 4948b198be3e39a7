// SPDX-License-Identifier: MIT
#include "graph/auto_create.hpp"

namespace emulator {

PartnerRecord* partnerOrCreated(PolicyChange& policies, const std::string& partnerId,
                                bool autoCreate) {
  if (PartnerRecord* partner = policies.editPartner(partnerId)) return partner;
  if (!autoCreate) return nullptr;
  policies.addPartner(partnerId, PartnerRecord{{{"tenantId", partnerId}}, {}});
  return policies.editPartner(partnerId);
}

}  // namespace emulator
