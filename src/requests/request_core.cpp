// SPDX-License-Identifier: MIT
#include "msgraph/requests/request_core.hpp"

#include <algorithm>
#include <optional>

#include "diagnostics/redaction.hpp"
#include "http/url_encoding.hpp"
#include "requests/request_adapter.hpp"
#include "requests/request_errors.hpp"
#include "requests/request_validation.hpp"
#include "support/uuid.hpp"

namespace msgraph::detail {

std::shared_ptr<const Error> withAttempts(const Error& error, std::vector<Attempt> attempts) {
  // The clone is new and not yet shared, so filling it in is safe.
  auto copy = std::const_pointer_cast<Error>(error.clone());
  copy->attempts(std::move(attempts));
  return copy;
}

namespace {

bool hasBody(HttpMethod method) {
  return method == HttpMethod::Put || method == HttpMethod::Patch || method == HttpMethod::Post;
}

// Whether the service root (checked, without a trailing slash) is the beta endpoint's.
bool isBetaRoot(const std::string& root) {
  constexpr std::string_view kBeta = "/beta";
  return root.size() >= kBeta.size() &&
         root.compare(root.size() - kBeta.size(), kBeta.size(), kBeta.data(), kBeta.size()) == 0;
}

// Whether `link` lies under `root` (`https://graph.microsoft.com/v1.0`): the same scheme, host,
// port and API version, and nothing that could end a header line or hide another host.
bool isUnderRoot(std::string_view link, std::string_view root) {
  if (link.size() <= root.size() || link.compare(0, root.size(), root) != 0) return false;
  if (link[root.size()] != '/') return false;
  for (char c : link) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

// Turns whatever a call throws into a Result error; anything not ours is a bug, reported as
// an Error rather than crashing the caller of send().
template <typename F>
Result<Exchange> guarded(std::vector<Attempt>& attempts, F&& body) {
  try {
    return body();
  } catch (const Error& error) {
    return withAttempts(error, std::move(attempts));
  } catch (const std::exception& error) {
    return withAttempts(Error(std::string("unexpected failure: ") + error.what()),
                        std::move(attempts));
  } catch (...) {  // a user callback (policy, logger, confirm, sleeper) threw a non-std type
    return withAttempts(Error("unexpected failure: a callback threw a non-standard exception"),
                        std::move(attempts));
  }
}

// Hands an async call's result to its callback; whatever the callback throws must not unwind
// into the loop.
void deliver(const RequestCore::ExchangeCallback& callback, Result<Exchange> exchange) {
  try {
    callback(std::move(exchange));
  } catch (...) {
  }
}

}  // namespace

RequestCore::RequestCore(RequestTarget target, HttpMethod method)
    : target_(std::move(target)), method_(method) {}

void RequestCore::addHeader(std::string name, std::string value) {
  headers_.emplace_back(std::move(name), std::move(value));
}

void RequestCore::setQueryList(const char* name, std::vector<std::string> items) {
  for (auto& entry : query_) {
    if (std::string_view(entry.first) == name) {
      entry.second = std::move(items);
      return;
    }
  }
  query_.emplace_back(name, std::move(items));
}

std::string RequestCore::url() const {
  if (absoluteUrl_) return *absoluteUrl_;  // a followed next link carries its own query
  const std::string& root = target_.adapter->serviceRoot();
  std::string url;
  url.reserve(root.size() + target_.path.size());
  url.append(root).append(target_.path);
  char separator = '?';
  for (const auto& [name, items] : query_) {
    if (items.empty()) continue;
    url.push_back(separator);
    url.append(name).push_back('=');
    separator = '&';
    for (std::size_t i = 0; i < items.size(); ++i) {
      validateQueryItem(name, items[i]);
      if (i > 0) url.push_back(',');
      appendPercentEncoded(url, items[i]);
    }
  }
  return url;
}

HttpRequest RequestCore::build() const {
  if (target_.pendingError != nullptr) target_.pendingError->raise();
  if (target_.betaOnly && !isBetaRoot(target_.adapter->serviceRoot())) {
    throw ValidationError("apiVersion",
                          "the deleted items (/policies/deletedItems) exist only on the beta "
                          "endpoint; build the client with ApiVersion::Beta, not " +
                              target_.adapter->serviceRoot());
  }
  HttpRequest request;
  request.method = method_;
  request.url = url();
  request.headers.reserve(8 + headers_.size());
  request.headers.add("Accept", "application/json");
  if (hasBody(method_)) {
    request.headers.add("Content-Type", "application/json");
    request.body = body_;
  }
  if (ifMatch_) {
    validateHeader("If-Match", *ifMatch_);
    request.headers.add("If-Match", *ifMatch_);
  }
  for (const auto& [name, value] : headers_) {
    validateHeader(name, value);
    request.headers.set(name, value);
  }
  return request;
}

HttpRequest RequestCore::preview() const { return previewOf(build()); }

RequestCore RequestCore::withMethod(HttpMethod method, std::string body) const {
  RequestCore other = *this;
  other.method_ = method;
  other.body_ = std::move(body);
  other.query_.clear();
  other.confirmable_ = method != HttpMethod::Get;
  return other;
}

RequestCore RequestCore::child(std::string_view segment) const {
  RequestCore other = withMethod(HttpMethod::Get, {});
  other.target_ = target_.child(segment);
  return other;
}

RequestCore RequestCore::parent() const {
  RequestCore other = withMethod(HttpMethod::Get, {});
  other.target_.path.resize(std::min(other.target_.path.size(), other.target_.path.rfind('/')));
  return other;
}

RequestCore RequestCore::following(std::string link) const {
  RequestCore next = *this;
  const std::string& root = target_.adapter->serviceRoot();
  if (isUnderRoot(link, root)) {
    next.absoluteUrl_ = std::move(link);
  } else {
    next.target_.pendingError = std::make_shared<DeserializationError>(
        "/@odata.nextLink", "leaves the client's service root " + root + "; it was not followed");
  }
  return next;
}

HttpRequest RequestCore::previewOf(HttpRequest request) const {
  target_.adapter->pipeline().preview(request);
  // Whatever set them (a credential, or the caller's own .header()), secrets are shown masked.
  HttpHeaders shown;
  for (const auto& [name, value] : request.headers) {
    shown.add(name, detail::redactHeaderValue(name, value));
  }
  request.headers = std::move(shown);
  return request;
}

Result<Exchange> RequestCore::run() const {
  CallRecord record;
  std::vector<Attempt>& attempts = record.attempts;
  return guarded(attempts, [&]() -> Result<Exchange> {
    const RequestAdapter& adapter = *target_.adapter;
    HttpRequest request = build();
    if (std::optional<Exchange> declined = declinedOrNot(request)) return std::move(*declined);
    const CallContext context = contextOf(adapter);
    record.retryOverride = retry_ ? &*retry_ : nullptr;
    return exchangeOf(adapter.pipeline().send(request, context, record), record);
  });
}

Result<Exchange> RequestCore::exchangeOf(HttpResponse response, CallRecord& record) {
  if (response.status < 200 || response.status > 299) {
    auto error = std::make_shared<ServiceError>(response.status, std::move(response.headers),
                                                response.body, record.earlierAttemptMayHaveApplied);
    error->attempts(std::move(record.attempts));
    return std::shared_ptr<const Error>(std::move(error));
  }
  return Exchange{std::move(response), false, std::move(record.attempts)};
}

CallContext RequestCore::contextOf(const RequestAdapter& adapter) const {
  CallContext context;
  context.timeout(timeout_ ? timeout_ : adapter.timeout())
      .deadline(deadline_)
      .cancellation(cancellation_);
  return context;
}

std::optional<Exchange> RequestCore::declinedOrNot(HttpRequest& request) const {
  const ConfirmCallback& confirm = confirm_ ? confirm_ : target_.adapter->confirm();
  if (!confirm || !confirmable_) return std::nullopt;
  // The id is fixed first, so the request that is approved is the one that is sent.
  if (!request.headers.contains("client-request-id")) {
    request.headers.add("client-request-id", newUuid());
  }
  if (confirm(previewOf(request))) return std::nullopt;
  return Exchange{HttpResponse{}, true, {}};
}

void RequestCore::runAsync(ExchangeCallback done) const {
  std::vector<Attempt> none;
  std::optional<HttpRequest> request;
  Result<Exchange> early = guarded(none, [&]() -> Result<Exchange> {
    HttpRequest built = build();
    if (std::optional<Exchange> declined = declinedOrNot(built)) return std::move(*declined);
    request = std::move(built);
    return Exchange{};
  });
  if (!request) return deliver(done, std::move(early));
  // `done` moves into the pipeline's completion (a copy would copy the caller's callback too).
  auto complete = [done = std::move(done)](HttpResponse response, std::exception_ptr error,
                                           CallRecord& record) {
    if (!error) return deliver(done, exchangeOf(std::move(response), record));
    std::vector<Attempt>& attempts = record.attempts;
    deliver(done, guarded(attempts, [&]() -> Result<Exchange> { std::rethrow_exception(error); }));
  };
  AsyncDone answer;
  try {
    answer = std::move(complete);  // allocates first: a failure leaves `complete` whole
    const RequestAdapter& adapter = *target_.adapter;
    adapter.asyncPipeline()->send(std::move(*request), contextOf(adapter),
                                  retry_ ? &*retry_ : nullptr, AttemptHooks{gate_, carrier_},
                                  std::move(answer));
  } catch (...) {  // not made: the completion is still here, to answer now
    CallRecord nothingSent;
    if (answer) return answer({}, std::current_exception(), nothingSent);
    complete({}, std::current_exception(), nothingSent);
  }
}

}  // namespace msgraph::detail
