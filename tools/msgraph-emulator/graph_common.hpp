#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api_types.hpp"
#include "errors.hpp"
#include "policy_schema.hpp"

namespace emulator {

/// What every Graph handler needs besides the request: the call's ids, the API version and the
/// emulator's base URL (for `@odata.context`).
struct GraphCall {
  const ApiRequest& request;
  const CallIds& ids;
  ApiVersion version;
  const std::string& baseUrl;
};

/// `<base>/<version>/$metadata#` followed by `fragment`.
std::string odataContext(const GraphCall& call, std::string_view fragment);

/// An OData key literal: `'id'`, with quotes inside doubled.
std::string odataKey(std::string_view id);

/// 400 for an empty body, 415 unless Content-Type is application/json (parameters allowed);
/// nullopt when the body may be read.
std::optional<ApiResponse> refuseBody(const GraphCall& call);

/// Whether the request's `If-Match` (absent, `*`, or a list of ETags) allows a write to a
/// resource whose ETag is `etag` (nullptr: the resource does not exist).
bool ifMatchAllows(const Headers& headers, const std::string* etag);

/// 405 with an `Allow` header.
ApiResponse methodNotAllowed(const CallIds& ids, std::string allow);

/// 204 No Content.
ApiResponse noContent();

/// 404 `Request_ResourceNotFound` for a missing resource `name`, worded as Graph words it.
ApiResponse resourceNotFound(const CallIds& ids, std::string_view name);

}  // namespace emulator
