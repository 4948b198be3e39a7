// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "state/policy_change.hpp"

namespace emulator {

/// The partner `partnerId` to change; with `autoCreate` (`--auto-create-partners`) one that is
/// unknown is created first, with just its `tenantId`. nullptr if it is unknown otherwise.
PartnerRecord* partnerOrCreated(PolicyChange& policies, const std::string& partnerId,
                                bool autoCreate);

}  // namespace emulator
