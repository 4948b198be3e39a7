// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"
#include "inputs.hpp"
#include "msgraph/client/graph_client.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

namespace msgraph_cli {

/// The `ensure` verb: the library's ensure of the policy or, with --ensure-partner or
/// --inbound-user-consent, of the partner configuration and then the policy; prints what
/// happened, or with --what-if the plan.
/// @return the exit code (5 when --confirm was declined).
/// @throws UsageError for an --inbound-user-consent that is neither true nor false, or partner
/// options without a partner tenant id.
ExitCode runEnsure(const Arguments& args, const Target& target,
                   msgraph::models::IdentitySyncPolicyPartner desired,
                   const msgraph::GraphClient& client);

}  // namespace msgraph_cli
