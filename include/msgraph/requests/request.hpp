// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "msgraph/async_result.hpp"
#include "msgraph/requests/request_core.hpp"

namespace msgraph {

namespace detail {
struct RequestCoreAccess;  // the library's own reach into a request (a fleet run's gate)
}  // namespace detail

/// @brief The per-call options every fluent request has (headers, timeout, deadline,
/// cancellation, retry, confirm), for `Derived` (so that chained calls keep its own methods).
template <typename Derived>
class CallOptions {
 public:
  /// @brief Adds a request header (the `-Headers` analog). The name must be an RFC 9110 token of
  /// at most 256 bytes and the value at most 8 KiB without CR, LF, NUL or other control
  /// characters; otherwise the call fails with a `ValidationError` and nothing is sent.
  Derived& header(std::string name, std::string value) {
    core_.addHeader(std::move(name), std::move(value));
    return self();
  }
  /// @brief Bounds each attempt of this call (connect + transfer).
  Derived& timeout(std::chrono::milliseconds value) {
    core_.setTimeout(value);
    return self();
  }
  /// @brief Bounds the whole call, every attempt and every retry wait included. A wait that
  /// would pass it is not started: the call fails at once with `DeadlineExceededError`.
  Derived& deadline(CallContext::Clock::time_point value) {
    core_.setDeadline(value);
    return self();
  }
  /// @brief Makes the call cancellable: `token.cancel()` stops the transfer or the retry wait at
  /// once and the call fails with `CancelledError`.
  Derived& cancellation(CancellationToken token) {
    core_.setCancellation(std::move(token));
    return self();
  }
  /// @brief Retry options for this call only, replacing the client's.
  Derived& retry(RetryOptions options) {
    core_.setRetry(std::move(options));
    return self();
  }
  /// @brief A confirm callback for this call (the `-Confirm` analog), overriding the client's.
  Derived& confirm(ConfirmCallback callback) {
    core_.setConfirm(std::move(callback));
    return self();
  }

 protected:
  /// @brief Wraps the untyped request state.
  explicit CallOptions(detail::RequestCore core) : core_(std::move(core)) {}
  /// @brief The untyped request state.
  detail::RequestCore core_;

 private:
  friend struct detail::RequestCoreAccess;
  Derived& self() { return static_cast<Derived&>(*this); }
};

/// @brief The per-call options and the two ways to run that every fluent request has.
///
/// `Derived` is the concrete request (so that chained calls keep its own methods) and `T` the
/// type read from the response body (`void` for none). Requests are values: cheap to build,
/// copyable, and nothing is sent until `send()` or `execute()`.
template <typename Derived, typename T>
class Request : public CallOptions<Derived> {
 public:
  /// @brief The exact request `execute()` would send, with the `Authorization` value redacted;
  /// nothing is sent and no token is requested (the `-WhatIf` analog).
  /// @throws ValidationError for bad input.
  HttpRequest whatIf() const { return this->core_.preview(); }

  /// @brief Sends the request; never throws for validation, service, transport,
  /// authentication, deserialization, cancellation or deadline failures, which come back in
  /// the `Result`.
  Result<Response<T>> send() const { return detail::toResponse<T>(this->core_.run()); }

  /// @brief Sends the request.
  /// @return the response; `value` is empty on 204 and when a confirm callback declined.
  /// @throws ValidationError, ServiceError, TransportError, AuthenticationError,
  /// DeserializationError, CancelledError or DeadlineExceededError.
  Response<T> execute() const { return send().value(); }

  /// @brief Sends the request on the client's event loop without blocking this thread: the same
  /// pipeline as `send()` (client-request-id, user agent, retries with their waits as loop
  /// timers, authorization, logging, attempt records, deadline, cancellation), the same result.
  ///
  /// The loop (a `CurlMultiTransport`, or `ClientOptions::asyncTransport`) starts with the first
  /// async call of a client. A call that cannot be sent (bad input, declined by the confirm
  /// callback, a client with user policies) is ready at once. Never throws for library errors.
  /// @return the pending result; `get()` gives what `send()` would have returned.
  AsyncResult<Response<T>> sendAsync() const {
    auto slot = std::make_shared<detail::AsyncSlot<Response<T>>>();
    this->core_.runAsync([slot](Result<detail::Exchange> exchange) {
      slot->set(detail::toResponse<T>(std::move(exchange)));
    });
    return AsyncResult<Response<T>>(std::move(slot));
  }

  /// @brief Sends the request as `sendAsync()` does and calls `callback` with the result, on
  /// the loop thread (or at once on this thread when the call cannot be sent). The callback
  /// must not block: every async call of the client waits while it runs. An exception it throws
  /// is dropped.
  void sendAsync(std::function<void(Result<Response<T>>)> callback) const {
    this->core_.runAsync([callback = std::move(callback)](Result<detail::Exchange> exchange) {
      callback(detail::toResponse<T>(std::move(exchange)));
    });
  }

 protected:
  /// @brief Wraps the untyped request state.
  explicit Request(detail::RequestCore core) : CallOptions<Derived>(std::move(core)) {}
};

}  // namespace msgraph
