// SPDX-License-Identifier: MIT
#include "auth/token_endpoint.hpp"

#include <openssl/crypto.h>

#include <algorithm>

#include "core/printable_excerpt.hpp"
#include "diagnostics/redaction.hpp"
#include "http/service_root.hpp"
#include "http/transport_failure.hpp"
#include "http/url_encoding.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "msgraph/json/json.hpp"
#include "pipeline/builtin_policies.hpp"
#include "pipeline/pipeline.hpp"

namespace msgraph::detail {

namespace {

std::string member(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  return value != nullptr && value->isString() ? value->asString() : std::string();
}

std::string aadstsCodes(const Json& body) {
  std::string codes;
  if (const Json* list = body.find("error_codes"); list != nullptr && list->isArray()) {
    for (const Json& code : list->asArray()) {
      if (code.type() != Json::Type::Int || code.asInt() < 0) continue;
      if (!codes.empty()) codes += ", ";
      codes += "AADSTS" + std::to_string(code.asInt());
    }
  }
  return codes;
}

// The identity platform's error answer as an AuthenticationError; a body that is not its JSON
// (a proxy's page) still names the status.
AuthenticationError refusal(const HttpResponse& response) {
  AuthenticationError::Details details;
  details.status = response.status;
  Json body;
  try {
    body = Json::parse(response.body);
  } catch (const Error&) {
  }
  // What the endpoint quotes of the request (`client_secret=...`) is masked here; the values
  // of this form's own secrets were masked in the body already (FreshFormPolicy).
  details.error = redactServiceText(member(body, "error"));
  details.description = redactServiceText(member(body, "error_description"));
  details.traceId = member(body, "trace_id");
  details.correlationId = member(body, "correlation_id");
  details.aadsts = aadstsCodes(body);
  // The service's text is also made printable for the message; details keep its line breaks.
  std::string message = "the token endpoint refused (HTTP " + std::to_string(response.status) + ")";
  if (!details.error.empty()) message += ": " + printableExcerpt(details.error, 200);
  if (!details.description.empty()) {
    const std::string_view text = details.description;
    message += ": " + printableExcerpt(text.substr(0, text.find('\r')), 1000);
  }
  return AuthenticationError(message, std::move(details));
}

bool isTemporarilyUnavailable(const HttpResponse& response) {
  try {
    return member(Json::parse(response.body), "error") == "temporarily_unavailable";
  } catch (const Error&) {
    return false;
  }
}

// The identity platform's rule: 5xx and `temporarily_unavailable` are retried, other answers
// (4xx) never; a token POST changes nothing, so one that was never answered may go again.
RetryDecision tokenShouldRetry(int, const HttpResponse* response, const TransportError* error) {
  if (response != nullptr) {
    const bool transient = response->status >= 500 || isTemporarilyUnavailable(*response);
    return transient ? RetryDecision::Retry : RetryDecision::DoNotRetry;
  }
  return failedBeforeResponse(*error) ? RetryDecision::Retry : RetryDecision::DoNotRetry;
}

// 250 ms more before each retry, whatever the answer said: token requests are few and the
// platform documents no Retry-After for them.
std::chrono::milliseconds linearBackoff(const RetryOptions& options, int attempt,
                                        const HttpResponse*) {
  return options.baseDelay * (attempt + 1);
}

RetryOptions tokenRetryOptions(const TokenCredentialOptions& options) {
  RetryOptions retry;
  retry.maxRetries = std::clamp(options.maxRetries, 0, 5);
  retry.baseDelay = std::chrono::milliseconds(250);
  retry.shouldRetry = tokenShouldRetry;
  return retry;
}

// Forms carry secrets and assertions: wipe them once sent, whatever happens.
struct BodyWiper {
  std::string& body;
  ~BodyWiper() { OPENSSL_cleanse(body.data(), body.size()); }
};

// Builds the form anew for every attempt, so that a client assertion is never replayed.
class FreshFormPolicy final : public HttpPolicy {
 public:
  // Made per request (see TokenEndpoint::request), so `makeForm` outlives it.
  explicit FreshFormPolicy(const std::function<std::string()>& makeForm) : makeForm_(&makeForm) {}
  std::string_view name() const noexcept override { return "form"; }
  HttpResponse send(HttpRequest& request, const CallContext& context,
                    const NextPolicy& next) override {
    request.body = (*makeForm_)();
    const BodyWiper wipe{request.body};
    HttpResponse response = next.send(request, context);
    // An error answer that quotes the client secret or the assertion must not carry it on.
    if (response.status != 200) maskFormSecrets(response.body, request.body);
    return response;
  }

 private:
  const std::function<std::string()>* makeForm_;
};

bool isResourceChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~:/").find(c) != std::string_view::npos;
}

}  // namespace

std::string scopeOf(const TokenRequestContext& request) {
  std::string scope;
  for (const std::string& item : request.scopes) {
    if (!scope.empty()) scope.push_back(' ');
    scope += item;
  }
  return scope;
}

void appendFormField(std::string& form, std::string_view name, std::string_view value) {
  if (!form.empty()) form.push_back('&');
  form.append(name).push_back('=');
  appendPercentEncoded(form, value);
}

std::string assertionForm(const std::string& clientId, std::string_view assertion,
                          const std::string& scope) {
  std::string form;
  appendFormField(form, "grant_type", "client_credentials");
  appendFormField(form, "client_id", clientId);
  appendFormField(form, "client_assertion_type",
                  "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  appendFormField(form, "client_assertion", assertion);
  appendFormField(form, "scope", scope);
  return form;
}

std::string resourceOfScopes(const std::vector<std::string>& scopes) {
  if (scopes.size() != 1) {
    throw ValidationError("scopes", "must be exactly one, a resource's /.default scope");
  }
  std::string resource = scopes.front();
  constexpr std::string_view kDefault = "/.default";
  if (resource.size() > kDefault.size() &&
      resource.compare(resource.size() - kDefault.size(), kDefault.size(), kDefault) == 0) {
    resource.resize(resource.size() - kDefault.size());
  }
  if (resource.empty() || resource.front() == '-' ||
      !std::all_of(resource.begin(), resource.end(), isResourceChar)) {
    throw ValidationError("scopes",
                          "must be a resource's /.default scope, like "
                          "https://graph.microsoft.com/.default");
  }
  return resource;
}

void requireCredentialValue(const char* field, const std::string& value) {
  if (value.empty()) throw ValidationError(field, "must not be empty");
  const bool control = std::any_of(value.begin(), value.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (control) throw ValidationError(field, "contains a control character");
}

TokenEndpoint::TokenEndpoint(const std::string& tenantId, const TokenCredentialOptions& options)
    : pipeline_(tokenRetryOptions(options), linearBackoff, "the token request", options,
                options.transport),
      refreshMargin_(options.refreshMargin),
      clock_(options.clock) {
  requireCredentialValue("tenantId", tenantId);
  url_ = checkedServiceRoot(
      options.authorityHost.empty() ? loginAuthority(options.cloud) : options.authorityHost,
      "authorityHost");
  url_.push_back('/');
  appendPercentEncoded(url_, tenantId);
  url_ += "/oauth2/v2.0/token";
}

std::chrono::system_clock::time_point TokenEndpoint::now() const { return nowBy(clock_); }

IssuedToken TokenEndpoint::request(const std::function<std::string()>& makeForm,
                                   const CallContext& context) const {
  HttpRequest request;
  request.method = HttpMethod::Post;
  request.url = url_;
  request.headers.add("Content-Type", "application/x-www-form-urlencoded");
  request.headers.add("Accept", "application/json");
  return pipeline_.send(
      request, std::make_shared<FreshFormPolicy>(makeForm), context,
      "the token endpoint could not be reached", [this](const HttpResponse& response) {
        if (response.status != 200) throw refusal(response);
        return readTokenAnswer(response.body, {"the token endpoint", false}, now(), refreshMargin_);
      });
}

}  // namespace msgraph::detail
