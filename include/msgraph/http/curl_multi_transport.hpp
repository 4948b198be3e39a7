// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include "msgraph/export.hpp"
#include "msgraph/http/async_http_transport.hpp"
#include "msgraph/http/curl_transport.hpp"

namespace msgraph {

/// @brief Settings of `CurlMultiTransport`: those of `CurlTransport` (CA file, proxy, timeouts,
/// body limit, loopback-only unverified TLS), plus how many connections it opens.
struct MSGRAPH_API CurlMultiTransportOptions : CurlTransportOptions {
  /// @brief The most connections open to one host at once (`CURLMOPT_MAX_HOST_CONNECTIONS`).
  /// Over HTTP/2 one connection carries many requests, and a request waits for a stream on a
  /// connection being set up rather than opening another (`CURLOPT_PIPEWAIT`); over HTTP/1.1
  /// each connection carries one request at a time (kept alive), so requests beyond this many
  /// wait for a free one. 0 means no limit.
  long maxConnectionsPerHost = 8;
};

/// @brief The default async transport: one libcurl `curl_multi` event loop on one thread that
/// runs many requests at once.
///
/// HTTPS requests offer HTTP/2 (ALPN) and are multiplexed on few connections where the server
/// takes it, else go over kept-alive HTTP/1.1 connections. Easy handles are reused from request
/// to request, and the DNS cache and TLS sessions are shared by every handle of the loop (one
/// thread: no locks). Every handle is configured as `CurlTransport` configures its own (TLS 1.2
/// minimum, verification on, the same errors, no resend on its own after a kept-alive
/// connection closed), so a request fails here exactly as it fails there.
///
/// Cancelling a call's token wakes the loop (`curl_multi_wakeup`) and removes its transfer at
/// once, also on a connection that sends nothing; the call's deadline bounds its transfer.
/// The loop thread starts with the transport and is joined by its destructor, which first stops
/// what is still in flight (`CancelledError`) and runs the timers left at once, so nothing
/// pending is lost. Destroyed on its own loop thread (the last reference dropped by a
/// completion), it lets the thread finish on its own.
class MSGRAPH_API CurlMultiTransport final : public AsyncHttpTransport {
 public:
  /// @brief Starts the loop thread.
  /// @throws ValidationError as `CurlTransport`'s constructor does; TransportError when libcurl
  /// cannot make its multi or share handle.
  explicit CurlMultiTransport(CurlMultiTransportOptions options = {});
  ~CurlMultiTransport() override;
  CurlMultiTransport(const CurlMultiTransport&) = delete;
  CurlMultiTransport& operator=(const CurlMultiTransport&) = delete;

  void start(const HttpRequest& request, const CallContext& context, Completion done) override;
  void post(Task task) override;
  TimerId schedule(std::chrono::milliseconds delay, Task task) override;
  bool cancelTimer(TimerId id) override;
  bool isLoopThread() const noexcept override;

  /// @brief The options this transport was made with.
  const CurlMultiTransportOptions& options() const noexcept;

 private:
  class Loop;
  std::shared_ptr<Loop> loop_;
};

}  // namespace msgraph
