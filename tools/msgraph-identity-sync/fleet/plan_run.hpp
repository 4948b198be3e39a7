// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

#include "arguments.hpp"
#include "fleet/desired_state.hpp"
#include "fleet/plan.hpp"
#include "fleet/tenant_clients.hpp"
#include "msgraph/error.hpp"

namespace msgraph_cli::fleet {

/// Called for each item of a plan, as soon as it is known.
using PlanSink = std::function<void(const PlanItem&)>;

/// Plans `desired` against the tenants it names, one after the other: per tenant one paged
/// listing (forEachCurrentPartner), each listed partner planned as its page arrives (the
/// desired one, or with `prune` a removal of one no line desires), then the desired partners
/// the tenant lacks, in file order. Sends no write.
/// @return null, or the error that stopped it (the items before it were passed on).
std::shared_ptr<const msgraph::Error> makePlan(const DesiredState& desired, TenantClients& clients,
                                               const Arguments& args, bool prune,
                                               const PlanSink& sink);

}  // namespace msgraph_cli::fleet
