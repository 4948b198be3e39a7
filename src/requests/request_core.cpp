#include "msgraph/requests/request_core.hpp"

#include "core/client_state.hpp"
#include "diagnostics/redaction.hpp"
#include "http/url_encoding.hpp"
#include "requests/request_validation.hpp"
#include "support/uuid.hpp"

namespace msgraph::detail {

namespace {

constexpr std::string_view kPartnersPath = "/policies/crossTenantAccessPolicy/partners/";
constexpr std::string_view kResourcePath = "/identitySynchronization";

bool hasBody(HttpMethod method) { return method == HttpMethod::Put || method == HttpMethod::Patch; }

// A fresh copy of `error` carrying the call's attempt record.
std::shared_ptr<const Error> withAttempts(const Error& error, std::vector<Attempt> attempts) {
  // The clone is new and not yet shared, so filling it in is safe.
  auto copy = std::const_pointer_cast<Error>(error.clone());
  copy->attempts(std::move(attempts));
  return copy;
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

}  // namespace

RequestCore::RequestCore(std::shared_ptr<const ClientState> client, HttpMethod method,
                         std::string partnerId, std::shared_ptr<const Error> pendingError)
    : client_(std::move(client)),
      method_(method),
      partnerId_(std::move(partnerId)),
      pendingError_(std::move(pendingError)) {}

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

HttpRequest RequestCore::build() const {
  if (pendingError_ != nullptr) pendingError_->raise();
  validatePartnerId(partnerId_);
  HttpRequest request;
  request.method = method_;
  const std::string& root = client_->serviceRoot();
  request.url.reserve(root.size() + kPartnersPath.size() + partnerId_.size() * 3 +
                      kResourcePath.size());
  request.url.append(root).append(kPartnersPath);
  appendPercentEncoded(request.url, partnerId_);
  request.url.append(kResourcePath);
  char separator = '?';
  for (const auto& [name, items] : query_) {
    if (items.empty()) continue;
    request.url.push_back(separator);
    request.url.append(name).push_back('=');
    separator = '&';
    for (std::size_t i = 0; i < items.size(); ++i) {
      validateQueryItem(name, items[i]);
      if (i > 0) request.url.push_back(',');
      appendPercentEncoded(request.url, items[i]);
    }
  }
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

HttpRequest RequestCore::previewOf(HttpRequest request) const {
  client_->pipeline().send(request, CallContext().preview(true));
  // Whatever set them (a credential, or the caller's own .header()), secrets are shown masked.
  HttpHeaders shown;
  for (const auto& [name, value] : request.headers) {
    shown.add(name, detail::redactHeaderValue(name, value));
  }
  request.headers = std::move(shown);
  return request;
}

Result<Exchange> RequestCore::run() const {
  std::vector<Attempt> attempts;
  return guarded(attempts, [&]() -> Result<Exchange> {
    HttpRequest request = build();
    const ConfirmCallback& confirm = confirm_ ? confirm_ : client_->options().confirm();
    if (confirm) {
      // The id is fixed first, so the request that is approved is the one that is sent.
      if (!request.headers.contains("client-request-id")) {
        request.headers.add("client-request-id", newUuid());
      }
      if (!confirm(previewOf(request))) return Exchange{HttpResponse{}, true, {}};
    }
    CallContext context;
    context.timeout(timeout_ ? timeout_ : client_->options().timeout())
        .deadline(deadline_)
        .cancellation(cancellation_)
        .retryOverride(retry_ ? &*retry_ : nullptr)
        .attempts(&attempts);
    HttpResponse response = client_->pipeline().send(request, context);
    if (response.status < 200 || response.status > 299) {
      auto error = std::make_shared<ServiceError>(response.status, std::move(response.headers),
                                                  response.body);
      error->attempts(std::move(attempts));
      return std::shared_ptr<const Error>(std::move(error));
    }
    return Exchange{std::move(response), false, std::move(attempts)};
  });
}

}  // namespace msgraph::detail
