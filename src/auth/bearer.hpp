// SPDX-License-Identifier: MIT
#pragma once

// What the authorization step does with a token, for blocking and async calls alike: puts it in
// the request, checked, and keeps it out of an error answer that quotes it.
#include <string>

#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph::detail {

/// The header value `Bearer <token>`. An empty token, one with CR, LF or NUL, or one over
/// kMaxAccessTokenBytes is an AuthenticationError.
std::string bearerValue(const std::string& token);

/// Sets `Authorization: Bearer <token>` on `request`; a token bearerValue refuses is an
/// AuthenticationError, and nothing is set.
void setBearer(HttpRequest& request, const std::string& token);

/// Masks `token` in the body and headers of an error answer (status 400 and up); success bodies
/// are models, read field by field, and are left alone.
void maskTokenIn(HttpResponse& response, const std::string& token);

}  // namespace msgraph::detail
