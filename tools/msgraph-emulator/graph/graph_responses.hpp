// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "api/call_ids.hpp"
#include "api/messages.hpp"

namespace emulator {

/// A Graph error: `{"error":{"code","message","innerError":{"date","request-id",
/// "client-request-id"}}}`.
ApiResponse graphError(const CallIds& ids, int status, std::string_view code,
                       std::string_view message);

// The two Graph answers below are documented in "Configure cross-tenant synchronization using
// PowerShell or Microsoft Graph API", troubleshooting, "Symptom -
// Request_MultipleObjectsWithSameKeyValue error" and "Symptom - Directory_ObjectNotFound error"
// (MicrosoftDocs/entra-docs, docs/identity/multi-tenant-organizations/
// cross-tenant-synchronization-configure-graph.md). The page names the code and message, not
// the status or the details: 409 and 404 are the statuses those codes carry elsewhere in Graph.

/// What is already there when a create is refused with 409.
enum class Conflict {
  /// A second PUT of a policy: "A conflicting object with one or more of the specified property
  /// values is present in the directory."
  Policy,
  /// A POST of a partner that exists: "Another object with the same value for property tenantId
  /// already exists."
  PartnerTenantId,
};

/// 409 `Request_MultipleObjectsWithSameKeyValue` with the documented message for `conflict`
/// and one `ConflictingObjects` detail whose `target` is `target`.
ApiResponse conflictingObjects(const CallIds& ids, std::string_view target, Conflict conflict);

/// 404 `Directory_ObjectNotFound`, "Unable to read the company information from the
/// directory.": a PATCH of an object that does not exist (a partner, or a partner's policy).
ApiResponse updateTargetNotFound(const CallIds& ids);

/// 405 with an `Allow` header.
ApiResponse methodNotAllowed(const CallIds& ids, std::string allow);

/// 404 `Request_ResourceNotFound` for a missing resource `name`, worded as Graph words it.
ApiResponse resourceNotFound(const CallIds& ids, std::string_view name);

/// 204 No Content.
ApiResponse noContent();

}  // namespace emulator
