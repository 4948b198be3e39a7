// SPDX-License-Identifier: MIT
#include "msgraph/http/curl_transport.hpp"

#include <utility>

#include "http/curl_handle_pool.hpp"
#include "http/curl_transfer.hpp"

namespace msgraph {

struct CurlTransport::Impl {
  explicit Impl(CurlTransportOptions options) : options_(options), pool_(std::move(options)) {}

  const CurlTransportOptions options_;
  detail::CurlHandlePool pool_;
};

CurlTransport::CurlTransport(CurlTransportOptions options)
    : impl_(std::make_unique<Impl>(detail::checkedTransportOptions(std::move(options)))) {}

CurlTransport::~CurlTransport() = default;

HttpResponse CurlTransport::send(const HttpRequest& request, const CallContext& context) {
  detail::refuseUnverifiedRemote(impl_->options_, request);
  detail::CurlHandlePool::Lease lease(impl_->pool_);
  detail::PooledHandle& handle = lease.handle();
  const bool stoppable = context.cancellation() || context.deadline();
  const detail::AttemptTimeout timeout =
      detail::prepareTransfer(handle, request, context, impl_->options_, stoppable);
  const CURLcode rc = curl_easy_perform(handle.easy.get());
  return detail::finishTransfer(handle, request, context, timeout, rc);
}

const CurlTransportOptions& CurlTransport::options() const noexcept { return impl_->options_; }

}  // namespace msgraph
