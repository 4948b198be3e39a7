// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "msgraph/export.hpp"
#include "msgraph/http_headers.hpp"

namespace msgraph {

/// @brief A transport-neutral HTTP response: status, headers, body.
struct MSGRAPH_API HttpResponse {
  /// @brief The HTTP status code of the final response (after any `100 Continue`).
  int status = 0;
  /// @brief The final response's header fields, in the order and spelling received, values
  /// trimmed; a `1xx` answer's fields and trailers are not among them.
  HttpHeaders headers;
  /// @brief The body as received. No `Accept-Encoding` is offered, so it is never compressed.
  std::string body;
};

/// @brief The standard reason phrase of an HTTP status code (`"Not Found"`), or `""`.
MSGRAPH_API const char* reasonPhrase(int status) noexcept;

}  // namespace msgraph
