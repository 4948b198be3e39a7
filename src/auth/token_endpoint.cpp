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

constexpr long long kDaySeconds = 24 * 3600;

// A lifetime in seconds from a number or a numeric string; anything outside (0, 1 day] is 0, so
// that hostile values neither overflow nor keep a token forever.
std::chrono::seconds secondsMember(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  double seconds = 0;
  if (value != nullptr && value->isNumber()) {
    seconds = value->asDouble();
  } else if (value != nullptr && value->isString()) {
    seconds = std::strtod(value->asString().c_str(), nullptr);
  }
  if (!(seconds > 0 && seconds <= static_cast<double>(kDaySeconds))) {
    return std::chrono::seconds(0);
  }
  return std::chrono::seconds(static_cast<long long>(seconds));
}

// Why a 200 answer's token cannot be used, naming the member and the value the endpoint sent
// (never the token itself), or empty when the token and its lifetime are usable.
std::string unusableToken(const Json& answer, std::chrono::seconds expiresIn) {
  const Json* token = answer.find("access_token");
  if (token == nullptr || !token->isString() || token->asString().empty()) {
    return token == nullptr ? "has no access_token" : "has an access_token that is not a string";
  }
  if (expiresIn.count() > 0) return {};
  const Json* lifetime = answer.find("expires_in");
  if (lifetime == nullptr) return "has no expires_in";
  return "has expires_in " + printableExcerpt(lifetime->dump(), 40) +
         ", which is not a lifetime in seconds from 1 to " + std::to_string(kDaySeconds);
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
  retry.sleeper = options.sleeper;
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

void requireCredentialValue(const char* field, const std::string& value) {
  if (value.empty()) throw ValidationError(field, "must not be empty");
  const bool control = std::any_of(value.begin(), value.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (control) throw ValidationError(field, "contains a control character");
}

TokenEndpoint::TokenEndpoint(const std::string& tenantId, const TokenCredentialOptions& options)
    : transport_(options.transport),
      retry_(std::make_shared<RetryPolicy>(tokenRetryOptions(options),
                                           RetryStyle{linearBackoff, "the token request", false,
                                                      LogSink{options.logger, options.logLevel}})),
      logging_(std::make_shared<LoggingPolicy>(LogSink{options.logger, options.logLevel})),
      refreshMargin_(options.refreshMargin),
      clock_(options.clock) {
  requireCredentialValue("tenantId", tenantId);
  url_ = checkedServiceRoot(
      options.authorityHost.empty() ? loginAuthority(options.cloud) : options.authorityHost,
      "authorityHost");
  url_.push_back('/');
  appendPercentEncoded(url_, tenantId);
  url_ += "/oauth2/v2.0/token";
  if (transport_ == nullptr) transport_ = std::make_shared<CurlTransport>(options.transportOptions);
}

std::chrono::system_clock::time_point TokenEndpoint::now() const {
  return clock_ ? clock_() : std::chrono::system_clock::now();
}

IssuedToken TokenEndpoint::readToken(const std::string& body) const {
  Json parsed;
  try {
    parsed = Json::parse(body);
  } catch (const Error&) {
    throw AuthenticationError("the token endpoint answered 200 with a body that is not JSON");
  }
  const std::chrono::seconds expiresIn = secondsMember(parsed, "expires_in");
  if (const std::string problem = unusableToken(parsed, expiresIn); !problem.empty()) {
    throw AuthenticationError("the token endpoint's answer (HTTP 200) " + problem);
  }
  IssuedToken issued;
  issued.token.token = member(parsed, "access_token");
  const auto issuedAt = now();
  issued.token.expiresOn = issuedAt + expiresIn;
  // The margin never eats more than half a short-lived token's life: refresh at most that often.
  issued.refreshAt = std::max(issued.token.expiresOn - refreshMargin_, issuedAt + expiresIn / 2);
  // refresh_in, when sent, is the service's own advice and wins if it is sooner.
  if (const auto refreshIn = secondsMember(parsed, "refresh_in"); refreshIn.count() > 0) {
    issued.refreshAt = std::min(issued.refreshAt, issuedAt + refreshIn);
  }
  return issued;
}

IssuedToken TokenEndpoint::request(const std::function<std::string()>& makeForm,
                                   const CallContext& context) const {
  HttpRequest request;
  request.method = HttpMethod::Post;
  request.url = url_;
  request.headers.add("Content-Type", "application/x-www-form-urlencoded");
  request.headers.add("Accept", "application/json");
  // Token requests are rare (one per token lifetime), so the pipeline that carries this call's
  // form factory is put together per request: retry, a fresh form per attempt, logging.
  const Pipeline pipeline({retry_, std::make_shared<FreshFormPolicy>(makeForm), logging_},
                          transport_);
  CallRecord record;
  try {
    HttpResponse response;
    try {
      response = pipeline.send(request, context, record);
    } catch (const TransportError& error) {
      throw AuthenticationError(
          std::string("the token endpoint could not be reached: ") + error.what(), error);
    }
    if (response.status == 200) return readToken(response.body);
    throw refusal(response);
  } catch (Error& error) {  // every failure carries the token request's attempts
    error.attempts(std::move(record.attempts));
    throw;
  }
}

}  // namespace msgraph::detail
