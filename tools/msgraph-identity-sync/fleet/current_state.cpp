// SPDX-License-Identifier: MIT
#include "fleet/current_state.hpp"

#include "call_options.hpp"

namespace msgraph_cli::fleet {

std::shared_ptr<const msgraph::Error> forEachCurrentPartner(const msgraph::GraphClient& client,
                                                            const Arguments& args,
                                                            const PartnerSink& sink) {
  auto request = client.policies().crossTenantAccessPolicy().partners().list();
  request.expand({"identitySynchronization"});
  applyCommonOptions(request, args);
  auto pages = request.pages();
  while (pages.hasNext()) {
    const auto page = pages.next();
    if (!page.ok()) return page.errorPtr();
    if (!page.value().value) continue;
    for (const auto& partner : page.value().value->value) sink(partner);
  }
  return nullptr;
}

}  // namespace msgraph_cli::fleet
