// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Checks a partner tenant id as every request builder checks it before anything is
/// sent: non-empty, not `.` or `..`, valid UTF-8, no control characters, at most 1024 bytes.
/// For inputs read long before a request is built (a desired-state file), so that a bad id is
/// reported where it was read.
/// @param id the id to check.
/// @param field what the error names (a parameter name, a column, a JSON pointer).
/// @throws ValidationError naming `field`, with the reason.
MSGRAPH_API void validatePartnerTenantId(std::string_view id,
                                         const char* field = "partnerTenantId");

}  // namespace msgraph
