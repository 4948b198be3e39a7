// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/pipeline/retry_options.hpp"
#include "msgraph/requests/confirm_callback.hpp"
#include "msgraph/requests/request_target.hpp"
#include "msgraph/response.hpp"
#include "msgraph/result.hpp"

namespace msgraph::detail {

class AttemptCarrier;
class AttemptGate;

class RequestAdapter;
struct CallRecord;

/// What a request sent and got back, before the body is read into a model.
struct Exchange {
  HttpResponse response;
  bool declined = false;
  std::vector<Attempt> attempts;
};

/// The untyped state and behaviour behind every fluent request: what to send, validated and
/// prepared in one place. Not part of the API; the typed requests wrap it.
class MSGRAPH_API RequestCore {
 public:
  /// A request of `method` on `target`; the target's pending error fails it when sent.
  RequestCore(RequestTarget target, HttpMethod method);

  void addHeader(std::string name, std::string value);
  void setTimeout(std::chrono::milliseconds timeout) noexcept { timeout_ = timeout; }
  void setDeadline(CallContext::Clock::time_point deadline) noexcept { deadline_ = deadline; }
  void setCancellation(CancellationToken token) { cancellation_ = std::move(token); }
  void setRetry(RetryOptions options) { retry_ = std::move(options); }
  void setConfirm(ConfirmCallback confirm) { confirm_ = std::move(confirm); }
  void setBody(std::string json) { body_ = std::move(json); }
  void setPendingError(std::shared_ptr<const Error> error) {
    target_.pendingError = std::move(error);
  }
  void setQueryList(const char* name, std::vector<std::string> items);
  void setIfMatch(std::string etag) { ifMatch_ = std::move(etag); }
  /// Async calls only: each attempt waits for `gate`'s admission (a fleet run's scheduler). Kept
  /// by the requests made from this one (an ensure's reads and writes).
  void setAttemptGate(std::shared_ptr<AttemptGate> gate) { gate_ = std::move(gate); }
  /// Async calls only: each attempt is sent by `carrier` (a fleet run's `$batch` envelopes)
  /// instead of the transport. Kept, as the gate is, by the requests made from this one.
  void setAttemptCarrier(std::shared_ptr<AttemptCarrier> carrier) { carrier_ = std::move(carrier); }

  /// Validates, asks the confirm callback, runs the pipeline. Never throws for library errors.
  Result<Exchange> run() const;
  /// What `runAsync` hands its callback.
  using ExchangeCallback = std::function<void(Result<Exchange> exchange)>;
  /// `run()` on the client's async pipeline: validation and the confirm callback on this
  /// thread, then the call on the loop thread, where `done` receives what `run()` would have
  /// returned. A call that ends before it reaches the loop (bad input, declined, a client that
  /// cannot make async calls) calls `done` at once, on this thread. An exception `done` throws
  /// is dropped. Never throws.
  void runAsync(ExchangeCallback done) const;
  /// The request `run()` would send, `Authorization` redacted. Throws ValidationError.
  HttpRequest preview() const;
  /// This request sent to `link` (a page's `@odata.nextLink`) instead of its own path and query,
  /// if the link stays on the service root; otherwise a request that fails with a
  /// DeserializationError when run, sending nothing.
  RequestCore following(std::string link) const;
  /// This request with another method and body and without its query: the reads and writes of
  /// an ensure share one set of per-call options. A GET made so is never put to the confirm
  /// callback: a read changes nothing.
  RequestCore withMethod(HttpMethod method, std::string body) const;
  /// This request (a GET, no query) on the resource one encoded segment further down.
  RequestCore child(std::string_view segment) const;
  /// This request (a GET, no query) on the collection that holds its resource.
  RequestCore parent() const;

 private:
  HttpRequest build() const;  // throws ValidationError
  CallContext contextOf(const RequestAdapter& adapter) const;
  // The confirm callback's answer: an Exchange saying "declined", or nothing to go on.
  std::optional<Exchange> declinedOrNot(HttpRequest& request) const;
  static Result<Exchange> exchangeOf(HttpResponse response, CallRecord& record);
  std::string url() const;  // throws ValidationError
  HttpRequest previewOf(HttpRequest request) const;

  RequestTarget target_;
  HttpMethod method_;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::vector<std::pair<const char*, std::vector<std::string>>> query_;
  std::optional<std::chrono::milliseconds> timeout_;
  std::optional<CallContext::Clock::time_point> deadline_;
  std::optional<CancellationToken> cancellation_;
  std::optional<RetryOptions> retry_;
  ConfirmCallback confirm_;
  std::string body_;
  std::optional<std::string> ifMatch_;
  std::optional<std::string> absoluteUrl_;   // a followed next link, query included
  std::shared_ptr<AttemptGate> gate_;        // admits each async attempt, if set
  std::shared_ptr<AttemptCarrier> carrier_;  // carries each async attempt, if set
  bool confirmable_ = true;                  // false for the reads of an ensure
};

/// Reads the body of a successful exchange as `T` (nothing for `void`).
template <typename T>
Result<Response<T>> toResponse(Result<Exchange>&& exchange) {
  if (!exchange.ok()) return exchange.errorPtr();
  Exchange& done = exchange.value();
  Response<T> response;
  response.status = done.response.status;
  response.declined = done.declined;
  if constexpr (!std::is_void_v<T>) {
    if (!done.declined && done.response.status != 204 && !done.response.body.empty()) {
      try {
        response.value = T::fromJson(done.response.body);
      } catch (const DeserializationError& e) {
        auto error = std::make_shared<DeserializationError>(e);
        error->attempts(std::move(done.attempts));
        return std::shared_ptr<const Error>(std::move(error));
      } catch (const std::exception& e) {  // out of memory, say: send() still does not throw
        return std::shared_ptr<const Error>(std::make_shared<Error>(e.what()));
      }
    }
  }
  response.headers = std::move(done.response.headers);
  response.attempts = std::move(done.attempts);
  return Result<Response<T>>(std::move(response));
}

}  // namespace msgraph::detail
