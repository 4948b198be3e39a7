#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "msgraph/json/json.hpp"

namespace emulator {

/// The Graph API version of a request; beta knows more properties than v1.0.
enum class ApiVersion { V1, Beta };

/// The path segment of a version (`v1.0`, `beta`).
std::string_view versionSegment(ApiVersion version);

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

/// What a PUT stores: the body without annotations and without `tenantId` (which always
/// comes from the path).
msgraph::JsonObject storableProperties(const msgraph::JsonObject& body);

/// Applies a PATCH body: each given property replaces the stored one, null included (which
/// clears it); the nested `*SyncInbound` objects merge member by member.
void mergePolicy(msgraph::JsonObject& stored, const msgraph::JsonObject& patch);

/// Checks `$select` names against the version's properties; returns the unknown name, if any.
std::optional<std::string> unknownSelectedProperty(const std::vector<std::string>& names,
                                                   ApiVersion version);

/// The entity as GET returns it: every property of the version's type in the documented
/// order (unset ones as null), `tenantId` = `partnerId`, limited to `select` when non-empty.
msgraph::JsonObject presentPolicy(const msgraph::JsonObject& stored, const std::string& partnerId,
                                  ApiVersion version, const std::vector<std::string>& select);

}  // namespace emulator
