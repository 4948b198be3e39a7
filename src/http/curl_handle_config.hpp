// SPDX-License-Identifier: MIT
#pragma once

// How the transport configures libcurl: once per process, once per pooled handle (TLS,
// connection, body and progress callbacks), and once per request (method, headers).
#include <memory>
#include <string>

#include "http/curl_handle.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "msgraph/http/http_request.hpp"

namespace msgraph::detail {

/// Initializes libcurl's global state on first use (never cleaned up: see the definition).
void initCurlOnce();

/// A milliseconds value as libcurl takes it: at least 1 (0 would mean "no limit").
long toCurlMillis(std::chrono::milliseconds value);

/// A new easy handle set up by `options` (TLS, proxy, connect timeout, body limit, callbacks).
std::unique_ptr<PooledHandle> createHandle(const CurlTransportOptions& options);

/// Throws ValidationError unless libcurl can use `proxy` (the value is never echoed).
void validateProxy(const std::string& proxy);

/// Sets the request's method and body on the handle (the method only if it differs from the
/// handle's last one).
void applyMethod(PooledHandle& handle, const HttpRequest& request);

/// The request's headers as libcurl's list, built in `list`'s buffers; refuses (TransportError)
/// a name or value with a line break or NUL.
curl_slist* buildHeaderList(const HttpRequest& request, HeaderList& list);

}  // namespace msgraph::detail
