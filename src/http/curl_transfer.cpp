// SPDX-License-Identifier: MIT
#include "http/curl_transfer.hpp"

#include <algorithm>
#include <fstream>
#include <string>
#include <utility>

#include "http/curl_errors.hpp"
#include "http/curl_handle_config.hpp"
#include "http/keep_alive.hpp"
#include "http/service_root.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

// Sets a long option unless the handle's last transfer left it at `value` already.
void setChanged(CURL* easy, CURLoption option, long& last, long value) {
  if (last == value) return;
  setOption(easy, option, value);
  last = value;
}

HttpResponse readResponse(PooledHandle& handle) {
  HttpResponse response;
  long status = 0;
  curl_easy_getinfo(handle.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  // The last response's fields, collected as they arrived (see ResponseHeaderLines).
  response.headers = handle.responseHeaders.take();
  if (const auto keepAlive = response.headers.get("Keep-Alive")) {
    if (const auto timeout = keepAliveTimeoutOf(*keepAlive)) handle.keepAliveTimeout = timeout;
  }
  // Moving the body out also keeps a large response from pinning memory in the pool.
  response.body = std::move(handle.body);
  handle.body.clear();
  return response;
}

}  // namespace

CurlTransportOptions checkedTransportOptions(CurlTransportOptions options) {
  // libcurl would only say "error setting certificate file" on the first call; say which now.
  if (options.caFile && !std::ifstream(*options.caFile).good()) {
    throw ValidationError("caFile", "cannot read '" + *options.caFile + "'");
  }
  if (options.proxy && !options.proxy->empty()) {
    if (options.insecureSkipTlsVerificationForLoopback) {
      throw ValidationError("proxy",
                            "cannot be combined with insecureSkipTlsVerificationForLoopback: "
                            "unverified TLS must not leave the machine");
    }
    validateProxy(*options.proxy);
  }
  // Loopback needs no proxy, and unverified TLS must not go through one from the environment.
  if (options.insecureSkipTlsVerificationForLoopback) options.proxy = "";
  initCurlOnce();
  return options;
}

void refuseUnverifiedRemote(const CurlTransportOptions& options, const HttpRequest& request) {
  if (options.insecureSkipTlsVerificationForLoopback && !isLoopbackUrl(request.url)) {
    throw TransportError(TransportError::Kind::Tls,
                         "TLS verification is switched off, which is allowed for loopback hosts "
                         "only; refusing to send to another host");
  }
}

AttemptTimeout attemptTimeout(const CallContext& context, std::chrono::milliseconds fallback) {
  AttemptTimeout timeout{context.timeout().value_or(fallback)};
  if (context.deadline()) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(*context.deadline() -
                                                                   CallContext::Clock::now());
    if (left < timeout.limit) timeout = {std::max(left, std::chrono::milliseconds(1)), true};
  }
  return timeout;
}

AttemptTimeout prepareTransfer(PooledHandle& handle, const HttpRequest& request,
                               const CallContext& context, const CurlTransportOptions& options,
                               bool watchProgress) {
  CURL* easy = handle.easy.get();
  curl_slist* headers = buildHeaderList(request, handle.headers);
  // Set every time, even when unchanged: libcurl then rebuilds its copy of the URL itself.
  setOption(easy, CURLOPT_URL, request.url.c_str());
  applyMethod(handle, request);
  const AttemptTimeout timeout = attemptTimeout(context, options.timeout);
  setChanged(easy, CURLOPT_TIMEOUT_MS, handle.timeoutMillis, toCurlMillis(timeout.limit));
  setOption(easy, CURLOPT_HTTPHEADER, headers);
  // The progress callback costs a call per chunk: only transfers that need it pay for it.
  setChanged(easy, CURLOPT_NOPROGRESS, handle.noProgress, watchProgress ? 0L : 1L);
  // Not a connection the server may be closing as the request goes (see keep_alive.hpp).
  setChanged(easy, CURLOPT_MAXAGE_CONN, handle.maxIdleSeconds,
             maxIdleSecondsFor(handle.keepAliveTimeout));
  handle.resetForTransfer(options.maxResponseBytes, context);
  return timeout;
}

HttpResponse finishTransfer(PooledHandle& handle, const HttpRequest& request,
                            const CallContext& context, AttemptTimeout timeout, CURLcode rc) {
  CURL* easy = handle.easy.get();
  handle.context = nullptr;
  // The list is rebuilt by the next call; the handle must not keep pointing at it.
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
  if (rc == CURLE_ABORTED_BY_CALLBACK && context.isCancelled()) {
    throw CancelledError("the call was cancelled during the transfer");
  }
  // libcurl's clock may fire a hair before ours: a timeout set by the deadline is the deadline.
  const bool deadlinePassed =
      context.deadline() && (CallContext::Clock::now() >= *context.deadline() ||
                             (rc == CURLE_OPERATION_TIMEDOUT && timeout.setByDeadline));
  if (rc != CURLE_OK && deadlinePassed) {
    throw DeadlineExceededError("the call's deadline passed during the transfer");
  }
  if (rc != CURLE_OK) throwTransferError(request, handle, rc);
  return readResponse(handle);
}

}  // namespace msgraph::detail
