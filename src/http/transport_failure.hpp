// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/error.hpp"

namespace msgraph::detail {

/// Whether the request failed on the wire before any answer began (refused, reset, dropped or
/// silent connection), so that sending it again is safe when the request itself is. TLS
/// failures (an untrusted certificate) and a body over the size limit would fail the same way
/// again, and a failure after the answer began means the service acted on the request.
bool failedBeforeResponse(const TransportError& error) noexcept;

}  // namespace msgraph::detail
