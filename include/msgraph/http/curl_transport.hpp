// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "msgraph/export.hpp"
#include "msgraph/http/http_transport.hpp"

namespace msgraph {

/// @brief Settings of `CurlTransport`. Plain values with safe defaults.
struct MSGRAPH_API CurlTransportOptions {
  /// @brief A PEM file of CA certificates to trust instead of the system store (e.g. the local
  /// emulator's `ca.pem`). Unset: the system's trust store.
  std::optional<std::string> caFile;
  /// @brief Proxy URL (`http`, `https`, `socks4`, `socks4a`, `socks5` or `socks5h`; without a
  /// scheme, `http`). Unset: libcurl's environment variables (`https_proxy`, `no_proxy`, ...);
  /// empty string: no proxy at all, whatever the environment says. Checked when the transport
  /// is made (`ValidationError`, never echoing the value); its credentials never appear in an
  /// error or a log line.
  std::optional<std::string> proxy;
  /// @brief How long to wait for a TCP+TLS connection.
  std::chrono::milliseconds connectTimeout{std::chrono::seconds(10)};
  /// @brief How long a whole attempt may take when the call sets no timeout of its own.
  std::chrono::milliseconds timeout{std::chrono::seconds(100)};
  /// @brief Responses with larger bodies are cut off with a `TransportError` (`TooLarge`).
  std::size_t maxResponseBytes = 16u * 1024u * 1024u;
  /// @brief DANGER: skips verifying the server's certificate and host name. Honoured only for
  /// loopback hosts (see `isLoopbackHost`), for local test servers; a request to any other
  /// host is refused with a `TransportError` (`Tls`) while it is set, and no proxy is used (a
  /// `proxy` given with it is a `ValidationError`). Prefer `caFile`.
  bool insecureSkipTlsVerificationForLoopback = false;
};

/// @brief The default transport: libcurl, with connections kept alive and reused.
///
/// Each transport keeps a small pool of libcurl easy handles; a call borrows one, so a
/// single-threaded caller reuses one connection for every call, and concurrent callers each get
/// their own handle (connections are never shared across threads). TLS 1.2 is the minimum and
/// peer/host verification is on by default. libcurl owns the wire: headers and status come from
/// libcurl's own parser. `curl_global_init` runs exactly once per process, on first use.
class MSGRAPH_API CurlTransport final : public HttpTransport {
 public:
  /// @brief Creates a transport with `options`.
  /// @throws ValidationError if `caFile` is set but cannot be read, or `proxy` is not a URL
  /// libcurl can use (or is given with `insecureSkipTlsVerificationForLoopback`).
  explicit CurlTransport(CurlTransportOptions options = {});
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  /// @brief Sends `request` over a pooled connection.
  /// @throws TransportError on connect, TLS, timeout, send or receive failure, or when the
  /// body exceeds `maxResponseBytes` or the headers exceed libcurl's limits (100 KB for one
  /// header, 300 KB in all), both of kind `TooLarge`; CancelledError or DeadlineExceededError when
  /// the call's token or deadline stopped the transfer.
  ///
  /// It never sends a request twice. When a kept-alive connection turns out to have been closed
  /// by the server after the request went out and before a byte of answer came back, libcurl
  /// would send the request again on a new connection on its own, unseen by the caller; the
  /// server may have applied the first (a PATCH applied twice, a create-only PUT answered 409).
  /// The transport stops that resend and throws `TransportError` (`Receive`, `gotResponse()`
  /// false) instead, so the retry policy decides, and every request on the wire is an attempt
  /// in the record. Connections are still reused for every method: no extra handshake.
  HttpResponse send(const HttpRequest& request, const CallContext& context) override;

  /// @brief The options this transport was made with.
  const CurlTransportOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
