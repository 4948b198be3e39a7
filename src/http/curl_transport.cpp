// SPDX-License-Identifier: MIT
#include "msgraph/http/curl_transport.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <utility>

#include "http/curl_errors.hpp"
#include "http/curl_handle.hpp"
#include "http/curl_handle_config.hpp"
#include "http/curl_handle_pool.hpp"
#include "http/service_root.hpp"
#include "msgraph/error.hpp"

namespace msgraph {

using detail::applyMethod;
using detail::buildHeaderList;
using detail::CurlHandlePool;
using detail::PooledHandle;
using detail::setOption;
using detail::toCurlMillis;

namespace {

HttpResponse readResponse(PooledHandle& handle) {
  HttpResponse response;
  long status = 0;
  curl_easy_getinfo(handle.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  // Request -1 is the last response of the transfer: no 100 Continue, no proxy CONNECT, no
  // trailers; libcurl parsed them and keeps their order and spelling.
  for (curl_header* header = nullptr;
       (header = curl_easy_nextheader(handle.easy.get(), CURLH_HEADER, -1, header)) != nullptr;) {
    response.headers.add(header->name, header->value);
  }
  // Moving the body out also keeps a large response from pinning memory in the pool.
  response.body = std::move(handle.body);
  handle.body.clear();
  return response;
}

}  // namespace

struct CurlTransport::Impl {
  explicit Impl(CurlTransportOptions options) : options_(options), pool_(std::move(options)) {}

  HttpResponse transfer(PooledHandle& handle, const HttpRequest& request,
                        const CallContext& context) {
    CURL* easy = handle.easy.get();
    curl_slist* headers = buildHeaderList(request, handle.headers);
    setOption(easy, CURLOPT_URL, request.url.c_str());
    applyMethod(easy, request);
    const AttemptTimeout timeout = attemptTimeout(context);
    setOption(easy, CURLOPT_TIMEOUT_MS, toCurlMillis(timeout.limit));
    setOption(easy, CURLOPT_HTTPHEADER, headers);
    // The progress callback costs a call per chunk: only calls that can be stopped pay for it.
    const bool stoppable = context.cancellation() || context.deadline();
    setOption(easy, CURLOPT_NOPROGRESS, stoppable ? 0L : 1L);
    handle.resetForTransfer(options_.maxResponseBytes, context);
    const CURLcode rc = curl_easy_perform(easy);
    handle.context = nullptr;
    if (rc == CURLE_ABORTED_BY_CALLBACK && context.isCancelled()) {
      throw CancelledError("the call was cancelled during the transfer");
    }
    // The list is rebuilt by the next call; the handle must not keep pointing at it.
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
    // libcurl's clock may fire a hair before ours: a timeout set by the deadline is the deadline.
    const bool deadlinePassed =
        context.deadline() && (CallContext::Clock::now() >= *context.deadline() ||
                               (rc == CURLE_OPERATION_TIMEDOUT && timeout.setByDeadline));
    if (rc != CURLE_OK && deadlinePassed) {
      throw DeadlineExceededError("the call's deadline passed during the transfer");
    }
    if (rc != CURLE_OK) detail::throwTransferError(request, handle, rc);
    return readResponse(handle);
  }

  struct AttemptTimeout {
    std::chrono::milliseconds limit;
    bool setByDeadline = false;
  };

  // The attempt's own timeout, shortened to what is left before the call's deadline.
  AttemptTimeout attemptTimeout(const CallContext& context) const {
    AttemptTimeout timeout{context.timeout().value_or(options_.timeout)};
    if (context.deadline()) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(*context.deadline() -
                                                                     CallContext::Clock::now());
      if (left < timeout.limit) timeout = {std::max(left, std::chrono::milliseconds(1)), true};
    }
    return timeout;
  }

  const CurlTransportOptions options_;
  CurlHandlePool pool_;
};

CurlTransport::CurlTransport(CurlTransportOptions options) {
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
    detail::validateProxy(*options.proxy);
  }
  // Loopback needs no proxy, and unverified TLS must not go through one from the environment.
  if (options.insecureSkipTlsVerificationForLoopback) options.proxy = "";
  detail::initCurlOnce();
  impl_ = std::make_unique<Impl>(std::move(options));
}

CurlTransport::~CurlTransport() = default;

HttpResponse CurlTransport::send(const HttpRequest& request, const CallContext& context) {
  if (impl_->options_.insecureSkipTlsVerificationForLoopback &&
      !detail::isLoopbackUrl(request.url)) {
    throw TransportError(TransportError::Kind::Tls,
                         "TLS verification is switched off, which is allowed for loopback hosts "
                         "only; refusing to send to another host");
  }
  CurlHandlePool::Lease lease(impl_->pool_);
  return impl_->transfer(lease.handle(), request, context);
}

const CurlTransportOptions& CurlTransport::options() const noexcept { return impl_->options_; }

}  // namespace msgraph
