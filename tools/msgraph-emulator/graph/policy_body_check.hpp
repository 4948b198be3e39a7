// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/api_version.hpp"
#include "msgraph/json/json.hpp"

namespace emulator {

/// Why a body was refused (always a 400 `BadRequest`).
struct BodyProblem {
  std::string message;
};

/// Checks a PUT/PATCH body against the closed type `crossTenantIdentitySyncPolicyPartner` of
/// `version`: valid JSON, an object, only known and writable properties of the right types,
/// and a `tenantId` (if a string) equal to `partnerId`. On success returns the parsed object.
std::optional<BodyProblem> checkPolicyBody(std::string_view text, ApiVersion version,
                                           const std::string& partnerId,
                                           msgraph::JsonObject& parsed);

}  // namespace emulator
