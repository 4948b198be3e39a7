// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/api_version.hpp"
#include "msgraph/json/json.hpp"

namespace emulator {

/// What a PUT stores: the body without annotations and without `tenantId` (which always
/// comes from the path).
msgraph::JsonObject storableProperties(const msgraph::JsonObject& body);

/// Applies a PATCH body: each given property replaces the stored one, null included (which
/// clears it); nested objects (the `*SyncInbound` ones) merge member by member. A partner
/// configuration's PATCH merges the same way.
void mergePolicy(msgraph::JsonObject& stored, const msgraph::JsonObject& patch);

/// Checks `$select` names against the version's properties; returns the unknown name, if any.
std::optional<std::string> unknownSelectedProperty(const std::vector<std::string>& names,
                                                   ApiVersion version);

/// The entity as GET returns it: every property of the version's type in the documented
/// order (unset ones as null), `tenantId` = `partnerId`, limited to `select` when non-empty.
msgraph::JsonObject presentPolicy(const msgraph::JsonObject& stored, const std::string& partnerId,
                                  ApiVersion version, const std::vector<std::string>& select);

}  // namespace emulator
