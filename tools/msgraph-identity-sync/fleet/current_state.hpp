// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

#include "arguments.hpp"
#include "msgraph/client/graph_client.hpp"
#include "msgraph/error.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"

namespace msgraph_cli::fleet {

/// Called for each partner of a listing.
using PartnerSink =
    std::function<void(const msgraph::models::CrossTenantAccessPolicyConfigurationPartner&)>;

/// Reads the current state of `client`'s tenant: every partner with its policy, through the
/// paged `GET .../partners?$expand=identitySynchronization` (one request a page, not one per
/// partner), passing each partner to `sink` as its page arrives, so that only one page is in
/// memory. `--header` and the command's deadline apply to every page.
/// @return null, or the error of the page that failed (the partners before it were passed on).
std::shared_ptr<const msgraph::Error> forEachCurrentPartner(const msgraph::GraphClient& client,
                                                            const Arguments& args,
                                                            const PartnerSink& sink);

}  // namespace msgraph_cli::fleet
