// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include "msgraph/attempt.hpp"

#include "msgraph/http_headers.hpp"

namespace msgraph {

/// @brief What every response has: status and headers, or the fact that it was declined.
struct ResponseBase {
  /// @brief The HTTP status (200, 204, ...); 0 when the call was declined and not sent.
  int status = 0;
  /// @brief Every response header, with case-insensitive lookup: the analog of PowerShell's
  /// `-ResponseHeadersVariable` (`response.headers.get("request-id")`).
  HttpHeaders headers;
  /// @brief True when a confirm callback declined the call: nothing was sent, nothing changed.
  bool declined = false;
  /// @brief Every attempt the call made, in order, with the wait that followed each.
  std::vector<Attempt> attempts;
};

/// @brief A successful response: status, headers and the body read as `T`.
///
/// `value` is empty on `204 No Content` (the usual answer to PUT, PATCH and DELETE) and when
/// the call was declined; it holds the resource on `200 OK`.
template <typename T>
struct Response : ResponseBase {
  /// @brief The resource, if the response had a body.
  std::optional<T> value;
};

/// @brief A successful response that carries no resource (DELETE).
template <>
struct Response<void> : ResponseBase {};

}  // namespace msgraph
