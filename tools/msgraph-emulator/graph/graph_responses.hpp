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

/// 409 `Request_MultipleObjectsWithSameKeyValue` with one `ConflictingObjects` detail whose
/// `target` is `target`: what Graph answers when an object with the same key already exists
/// (a second PUT of a policy, a POST of a known partner). Documented in "Configure cross-tenant
/// synchronization using PowerShell or Microsoft Graph API", troubleshooting,
/// https://learn.microsoft.com/entra/identity/multi-tenant-organizations/cross-tenant-synchronization-configure-graph
ApiResponse conflictingObjects(const CallIds& ids, std::string_view target);

/// 405 with an `Allow` header.
ApiResponse methodNotAllowed(const CallIds& ids, std::string allow);

/// 404 `Request_ResourceNotFound` for a missing resource `name`, worded as Graph words it.
ApiResponse resourceNotFound(const CallIds& ids, std::string_view name);

/// 204 No Content.
ApiResponse noContent();

}  // namespace emulator
