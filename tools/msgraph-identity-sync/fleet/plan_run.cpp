// SPDX-License-Identifier: MIT
#include "fleet/plan_run.hpp"

#include <vector>

#include "fleet/current_state.hpp"
#include "fleet/planner.hpp"

namespace msgraph_cli::fleet {

std::shared_ptr<const msgraph::Error> makePlan(const DesiredState& desired, TenantClients& clients,
                                               const Arguments& args, bool prune,
                                               const PlanSink& sink) {
  std::vector<bool> listed(desired.size(), false);
  for (std::size_t tenant = 0; tenant < desired.tenants().size(); ++tenant) {
    const std::string& name = desired.tenants()[tenant];
    auto failed = forEachCurrentPartner(
        clients.client(name), args,
        [&](const msgraph::models::CrossTenantAccessPolicyConfigurationPartner& current) {
          if (!current.tenantId.hasValue()) return;  // Graph keys every partner; not planned
          const std::optional<std::size_t> index = desired.find(tenant, *current.tenantId);
          if (index) {
            if (listed[*index]) return;  // a page repeated a partner: planned once
            listed[*index] = true;
            sink(planPartner(desired.item(*index), &current));
          } else if (prune) {
            sink(planRemoval(current, name));
          }
        });
    if (failed) return failed;
    desired.forEachOfTenant(tenant, [&](std::size_t index) {
      if (!listed[index]) sink(planPartner(desired.item(index), nullptr));
    });
  }
  return nullptr;
}

}  // namespace msgraph_cli::fleet
