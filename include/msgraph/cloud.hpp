// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief The Microsoft Graph national cloud deployments.
///
/// Each selects a Graph service root and the matching Microsoft identity platform authority;
/// tokens are not interchangeable between clouds.
enum class Cloud {
  Global,    ///< graph.microsoft.com, login.microsoftonline.com (also Microsoft 365 GCC)
  UsGov,     ///< graph.microsoft.us, login.microsoftonline.us (GCC High, L4)
  UsGovDoD,  ///< dod-graph.microsoft.us, login.microsoftonline.us (DoD, L5)
  China,     ///< microsoftgraph.chinacloudapi.cn, login.chinacloudapi.cn (21Vianet)
};

/// @brief The Graph service root of `cloud`, e.g. `https://graph.microsoft.com`.
MSGRAPH_API std::string_view graphRoot(Cloud cloud) noexcept;
/// @brief The identity platform authority of `cloud`, e.g. `https://login.microsoftonline.com`.
MSGRAPH_API std::string_view loginAuthority(Cloud cloud) noexcept;

/// @brief The Graph API versions.
enum class ApiVersion {
  V1_0,  ///< `v1.0`, the stable API
  Beta,  ///< `beta`, with the beta-only properties
};

/// @brief The version's path segment: `v1.0` or `beta`.
MSGRAPH_API std::string_view toString(ApiVersion version) noexcept;

}  // namespace msgraph
