// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "arguments.hpp"
#include "cli_error.hpp"
#include "inputs.hpp"
#include "msgraph/client/graph_client.hpp"

namespace msgraph_cli {

/// What the partner steps of `ensure` did (or, with --what-if, would do).
struct PartnerReport {
  bool created = false;         // --ensure-partner created the partner configuration
  bool consentChanged = false;  // --inbound-user-consent patched inboundAllowed
  bool inboundAllowed = false;  // the value it was patched to
};

/// Runs --ensure-partner (GET the partner; on 404, POST it; a 409 means another writer did)
/// and --inbound-user-consent (PATCH only when inboundAllowed differs). With --what-if, prints
/// the writes instead of sending them.
/// @return the exit code of a failure (already reported), or nullopt to go on.
/// @throws UsageError for an --inbound-user-consent that is neither true nor false.
std::optional<ExitCode> preparePartner(const Arguments& args, const Target& target,
                                       const msgraph::GraphClient& client, PartnerReport& report);

}  // namespace msgraph_cli
