// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "msgraph/json/json.hpp"

namespace msgraph_cli {

/// A typed key of a model, and the typed keys of its value when that is a model too.
struct KeyNode {
  std::string_view name;
  std::vector<KeyNode> children;
};
/// The typed keys of a model, spelled as the library's JSON (camelCase).
using KeySchema = std::vector<KeyNode>;

/// `models::Identity`: the 59 keys of the cmdlet's -InputObject.
const KeySchema& identityKeys();
/// `models::IdentitySyncPolicyPartner`, with its nested `userSyncInbound`/`groupSyncInbound`.
const KeySchema& policyPartnerKeys();
/// `models::CrossTenantAccessPolicyConfigurationPartner`, with its nested
/// `automaticUserConsentSettings` and `identitySynchronization`.
const KeySchema& partnerKeys();
/// `models::UserSyncInbound`.
const KeySchema& userSyncInboundKeys();

/// A copy of `object` whose keys matching a typed key case-insensitively (as a PowerShell
/// hashtable's do) are spelled as the library spells them, in nested typed objects too. Other
/// keys are kept as they are.
/// @throws UsageError naming `option` when two keys become the same.
msgraph::Json canonicalKeys(const msgraph::Json& object, const KeySchema& schema,
                            std::string_view option, const std::string& pointer = "");

}  // namespace msgraph_cli
