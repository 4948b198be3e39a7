// SPDX-License-Identifier: MIT
#pragma once

// One transfer on a configured easy handle, as both libcurl transports make it (the blocking
// CurlTransport with curl_easy_perform, the event loop CurlMultiTransport with curl_multi): the
// checks of the options, the per-request setup, and what the transfer's end means.
#include <chrono>

#include "http/curl_handle.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph::detail {

/// Checks `options` as a transport's constructor does and returns them ready to use.
/// @throws ValidationError for an unreadable `caFile` or an unusable `proxy`.
CurlTransportOptions checkedTransportOptions(CurlTransportOptions options);

/// Throws TransportError(Tls) when TLS verification is off and `request` leaves loopback.
void refuseUnverifiedRemote(const CurlTransportOptions& options, const HttpRequest& request);

/// The limit of one attempt, and whether the call's deadline (not its timeout) set it.
struct AttemptTimeout {
  std::chrono::milliseconds limit{0};
  bool setByDeadline = false;
};

/// The attempt's own timeout (the call's, else `fallback`), shortened to what is left before
/// the call's deadline.
AttemptTimeout attemptTimeout(const CallContext& context, std::chrono::milliseconds fallback);

/// Sets `handle` up for `request`: URL, method, body, headers, timeout, buffers.
/// `watchProgress` turns on the progress callback (cancellation and deadline checks).
/// @throws TransportError for a header libcurl must not send; nothing was sent.
AttemptTimeout prepareTransfer(PooledHandle& handle, const HttpRequest& request,
                               const CallContext& context, const CurlTransportOptions& options,
                               bool watchProgress);

/// What a transfer that ended with `rc` gave: the response, or the CancelledError,
/// DeadlineExceededError or TransportError it throws. Leaves the handle ready for the next one.
HttpResponse finishTransfer(PooledHandle& handle, const HttpRequest& request,
                            const CallContext& context, AttemptTimeout timeout, CURLcode rc);

}  // namespace msgraph::detail
