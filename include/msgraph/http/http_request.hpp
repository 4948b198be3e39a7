// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "msgraph/export.hpp"
#include "msgraph/http_headers.hpp"

namespace msgraph {

/// @brief The HTTP methods this library sends.
enum class HttpMethod { Get, Put, Patch, Delete, Post };

/// @brief The method's name as sent on the wire (`"PUT"`).
MSGRAPH_API std::string_view toString(HttpMethod method) noexcept;

/// @brief A transport-neutral HTTP request: method, absolute URL, headers and body.
///
/// This is what policies see and change, what a transport sends, what `MockTransport` records and
/// what `whatIf()` returns. The URL is already percent-encoded; transports send it as is.
struct MSGRAPH_API HttpRequest {
  /// @brief The method.
  HttpMethod method = HttpMethod::Get;
  /// @brief The absolute, encoded URL, e.g.
  /// `https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/x/identitySynchronization`.
  std::string url;
  /// @brief The header fields, in the order they will be sent.
  HttpHeaders headers;
  /// @brief The body (JSON for PUT and PATCH), empty for GET and DELETE.
  std::string body;

  /// @brief The request as text, the way `--what-if` and logs show it: a line `METHOD URL`, the
  /// headers, a blank line, then the body. Secrets are masked everywhere: `Authorization` and
  /// the like, user information and secret query parameters in the URL, and `client_secret`,
  /// `client_assertion`, `access_token` (and similar) values in form and JSON bodies.
  std::string toDisplayString() const;
};

}  // namespace msgraph
