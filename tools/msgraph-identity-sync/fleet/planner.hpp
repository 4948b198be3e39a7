// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "fleet/desired_item.hpp"
#include "fleet/plan.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"

namespace msgraph_cli::fleet {

/// The plan for one desired partner: what the library's partner ensure
/// (`partners().ensure(partner, policy)`) would write, given `current`, the partner as the
/// `$expand=identitySynchronization` listing shows it (null: absent). Same rules as ensure
/// (models::difference): absent partner -> POST then PUT; no policy -> PUT; a difference ->
/// PATCH of only what differs; else nothing.
PlanItem planPartner(const DesiredItem& desired,
                     const msgraph::models::CrossTenantAccessPolicyConfigurationPartner* current);

/// The plan (with --prune) for a partner of `tenant` that no line desires: its policy, if it
/// has one, is deleted, then its configuration.
PlanItem planRemoval(const msgraph::models::CrossTenantAccessPolicyConfigurationPartner& current,
                     const std::string& tenant);

}  // namespace msgraph_cli::fleet
