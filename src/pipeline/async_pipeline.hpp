// SPDX-License-Identifier: MIT
#pragma once

// The pipeline of async calls: the same steps in the same order as the blocking one
// (client-request-id, user agent, retry, authorization, logging, transport), run as a state
// machine on the async transport's loop thread, so that no thread waits: a retry wait is a loop
// timer, a token fetch runs on the authorizer's worker. The decisions are the blocking
// policies' own (retry_rules, attempt_log, bearer), so both paths behave alike.
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "msgraph/http/async_http_transport.hpp"
#include "pipeline/attempt_carrier.hpp"
#include "pipeline/attempt_gate.hpp"
#include "pipeline/builtin_policies.hpp"
#include "pipeline/call_record.hpp"

namespace msgraph::detail {

/// A bearer token shared by the calls that send it, without a copy per call.
using SharedToken = std::shared_ptr<const std::string>;

/// The authorization step of async calls, provided by the auth layer (which sits above this
/// one). Everything but `fetch`'s worker runs on the loop thread.
class AsyncAuthorizer {
 public:
  /// Receives a fetched token, or the error that prevented it; on the loop thread.
  using Fetched = std::function<void(SharedToken token, std::exception_ptr error)>;

  virtual ~AsyncAuthorizer();
  /// The token to send now, when a fresh one is at hand; null when one must be fetched.
  virtual SharedToken cached() = 0;
  /// Fetches a token off the loop thread (one fetch at a time, shared by every caller that
  /// asks meanwhile); `done` runs on the loop thread.
  virtual void fetch(const CallContext& context, Fetched done) = 0;
  /// Graph answered 401 to `token`: forget it, here and in the credential.
  virtual void invalidate(const std::string& token) = 0;
  /// Sets the request's `Authorization` header (AuthenticationError for an unusable token).
  virtual void authorize(HttpRequest& request, const std::string& token) const = 0;
  /// Masks `token` in an error answer.
  virtual void mask(HttpResponse& response, const std::string& token) const = 0;
};

/// Receives the end of an async call: the final response (any status) with `error` null, or the
/// error; `record` holds the attempts. On the loop thread.
using AsyncDone =
    std::function<void(HttpResponse response, std::exception_ptr error, CallRecord& record)>;

/// The fleet run's hooks into a call's attempts (both may be null): the gate that admits each
/// attempt, and the carrier that sends it in place of the transport.
struct AttemptHooks {
  std::shared_ptr<AttemptGate> gate;
  std::shared_ptr<AttemptCarrier> carrier;
};

/// The async pipeline of a client. Immutable once built; every call keeps it alive until it
/// ends, and with it the transport.
class AsyncPipeline : public std::enable_shared_from_this<AsyncPipeline> {
 public:
  AsyncPipeline(std::shared_ptr<AsyncHttpTransport> transport, const std::string& applicationId,
                RetryOptions retry, RetryStyle style, LogSink log,
                std::unique_ptr<AsyncAuthorizer> authorizer);
  /// Destroyed on the loop thread (the last call held the last reference), it lets another
  /// thread drop the transport: a transport joins its loop thread, which cannot join itself.
  ~AsyncPipeline();
  AsyncPipeline(const AsyncPipeline&) = delete;
  AsyncPipeline& operator=(const AsyncPipeline&) = delete;

  /// Sends `request` as the blocking pipeline would; `done` runs on the loop thread when it
  /// ends. `retryOverride` (may be null) replaces the client's retry options for this call;
  /// `hooks` admit and carry its attempts. `done` is moved from only once the call is made:
  /// when send throws, the caller still holds it and answers it; once it is taken, send does
  /// not throw, and a failure to start the call ends it through `done`.
  void send(HttpRequest request, CallContext context, const RetryOptions* retryOverride,
            AttemptHooks hooks, AsyncDone&& done) const;

  AsyncHttpTransport& transport() const noexcept { return *transport_; }
  AsyncAuthorizer* authorizer() const noexcept { return authorizer_.get(); }
  const RetryOptions& retry() const noexcept { return retry_; }
  const RetryStyle& style() const noexcept { return style_; }
  const LogSink& log() const noexcept { return log_; }

 private:
  // Declared first, destroyed last: the authorizer's worker posts to it until joined.
  std::shared_ptr<AsyncHttpTransport> transport_;
  UserAgentPolicy userAgent_;
  RetryOptions retry_;  // already clamped
  RetryStyle style_;
  LogSink log_;
  std::unique_ptr<AsyncAuthorizer> authorizer_;
};

/// Makes the async pipeline on first use (its loop thread starts then). Thread-safe; once made,
/// `get()` costs one atomic load.
class LazyAsyncPipeline {
 public:
  using Factory = std::function<std::shared_ptr<const AsyncPipeline>()>;
  explicit LazyAsyncPipeline(Factory factory) : factory_(std::move(factory)) {}

  /// The pipeline. @throws what the factory throws (ValidationError when the client cannot make
  /// async calls); a later call tries again.
  const std::shared_ptr<const AsyncPipeline>& get() const {
    if (ready_.load(std::memory_order_acquire) == nullptr) make();
    return pipeline_;
  }

 private:
  void make() const;

  Factory factory_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const AsyncPipeline> pipeline_;  // set once, under the mutex
  mutable std::atomic<const AsyncPipeline*> ready_{nullptr};
};

}  // namespace msgraph::detail
