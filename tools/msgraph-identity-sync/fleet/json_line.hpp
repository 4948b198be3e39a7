// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

#include "fleet/desired_item.hpp"

namespace msgraph_cli::fleet {

/// Reads one line of a JSON Lines desired-state file: an object with `partnerTenantId`
/// (required), `tenant` (optional), `identitySynchronization` (optional, the policy) and any
/// partner properties (`automaticUserConsentSettings`, `isServiceProvider`; unknown keys are
/// kept as additional properties). Keys are matched ignoring ASCII case, as the models match
/// them; read-only keys (`tenantId`, `isInMultiTenantOrganization`, the policy's `tenantId`
/// and `deletedDateTime`) and `@odata` annotations are dropped, as `--body-parameter` drops
/// them, so that `export` output and `get` output read back.
/// @throws BadLineError naming the field and the reason.
DesiredItem readJsonLine(std::string_view text, std::size_t line);

}  // namespace msgraph_cli::fleet
