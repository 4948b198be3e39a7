// SPDX-License-Identifier: MIT
#pragma once

// The closed type crossTenantIdentitySyncPolicyPartner as Graph declares it: the one table that
// the body check, the stored form and the GET representation all read.

#include <string_view>

#include "graph/api_version.hpp"

namespace emulator {

inline constexpr std::string_view kTypeAnnotation = "@odata.type";
inline constexpr std::string_view kPolicyType =
    "microsoft.graph.crossTenantIdentitySyncPolicyPartner";
/// The one member of the complex types `crossTenantUserSyncInbound` and
/// `crossTenantGroupSyncInbound`.
inline constexpr std::string_view kSyncAllowed = "isSyncAllowed";

/// One property of the policy type.
struct PropertySpec {
  std::string_view name;
  bool betaOnly;
  bool readOnly;                 // refused in a body (tenantId is handled on its own)
  std::string_view complexType;  // empty for string properties
};

/// In the order Graph writes them (the documented GET and restore examples).
inline constexpr PropertySpec kPolicyProperties[] = {
    {"tenantId", false, false, ""},
    {"displayName", false, false, ""},
    {"deletedDateTime", true, true, ""},
    {"externalCloudAuthorizedApplicationId", true, false, ""},
    {"userSyncInbound", false, false, "microsoft.graph.crossTenantUserSyncInbound"},
    {"groupSyncInbound", true, false, "microsoft.graph.crossTenantGroupSyncInbound"},
};

/// The property `name` of the type in `version`, or nullptr.
const PropertySpec* findProperty(std::string_view name, ApiVersion version);

}  // namespace emulator
