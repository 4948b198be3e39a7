// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "arguments.hpp"
#include "msgraph/client/graph_client.hpp"
#include "msgraph/models/identity.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

namespace msgraph_cli {

/// The partner a call addresses: by id (--partner-tenant-id) or by identity (--input-object).
struct Target {
  /// The partner's id, as shown by --what-if and --confirm (empty if the identity lacks it).
  std::string partnerId;
  /// The identity object, when the call is addressed by one.
  std::optional<msgraph::models::Identity> identity;

  /// The partner's configuration.
  msgraph::PartnerRequestBuilder partner(const msgraph::GraphClient& client) const;
  /// The identity synchronization policy of this partner.
  msgraph::IdentitySynchronizationRequestBuilder resource(const msgraph::GraphClient& client) const;
};

/// Reads the target option of the resolved parameter set.
/// @throws UsageError for an unreadable or invalid --input-object.
Target readTarget(const Arguments& args);

/// Builds the set/update body from --body-parameter or from the expanded options.
/// @throws UsageError for unreadable or invalid JSON, or options that contradict each other.
msgraph::models::IdentitySyncPolicyPartner readBody(const Arguments& args);

}  // namespace msgraph_cli
