// SPDX-License-Identifier: MIT
#pragma once

// What a failed libcurl transfer means: the TransportError kind of a CURLcode, and the error
// thrown for it, which names the method and origin but never a header, body or secret.
#include "http/curl_handle.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/http_request.hpp"

namespace msgraph::detail {

/// The kind of failure `rc` is, on `easy` (which tells a reset during the TLS handshake).
TransportError::Kind classifyCurlResult(CURLcode rc, CURL* easy);

/// Throws the TransportError for a transfer of `request` on `handle` that ended with `rc`.
[[noreturn]] void throwTransferError(const HttpRequest& request, const PooledHandle& handle,
                                     CURLcode rc);

}  // namespace msgraph::detail
