// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "cli_error.hpp"
#include "inputs.hpp"
#include "msgraph/client/graph_client.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

namespace msgraph_cli {

/// The `ensure` verb: the partner steps (--ensure-partner, --inbound-user-consent), then the
/// library's ensure of the policy, printing what happened; --what-if prints its plan instead.
/// @return the exit code (5 when --confirm was declined).
ExitCode runEnsure(const Arguments& args, const Target& target,
                   msgraph::models::IdentitySyncPolicyPartner desired,
                   const msgraph::GraphClient& client);

}  // namespace msgraph_cli
