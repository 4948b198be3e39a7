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

/// 405 with an `Allow` header.
ApiResponse methodNotAllowed(const CallIds& ids, std::string allow);

/// 404 `Request_ResourceNotFound` for a missing resource `name`, worded as Graph words it.
ApiResponse resourceNotFound(const CallIds& ids, std::string_view name);

/// 204 No Content.
ApiResponse noContent();

}  // namespace emulator
