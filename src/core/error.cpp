#include "msgraph/error.hpp"

#include <chrono>

#include "core/printable_excerpt.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/json/json.hpp"
#include "pipeline/retry_after.hpp"

namespace msgraph {

namespace detail {

std::string printableExcerpt(std::string_view text, std::size_t limit) {
  std::string out;
  for (char c : text.substr(0, limit)) {
    out.push_back((static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c);
  }
  if (text.size() > limit) out += "...";
  return out;
}

}  // namespace detail

namespace {

// What a DeserializationError says about its pointer: the whole document, or one value.
std::string describePointer(const std::string& pointer) {
  return pointer.empty() ? "JSON document" : "JSON value at '" + pointer + "'";
}

std::string stringMember(const Json* object, std::string_view key) {
  const Json* value = object != nullptr ? object->find(key) : nullptr;
  return value != nullptr && value->isString() ? value->asString() : std::string();
}

std::string statusLine(int status) {
  std::string line = "Graph returned HTTP " + std::to_string(status);
  if (const char* reason = reasonPhrase(status); *reason != '\0') line += std::string(" ") + reason;
  return line;
}

}  // namespace

Error::Error(const std::string& message) : std::runtime_error(message) {}
Error::~Error() = default;
void Error::raise() const { throw *this; }
std::shared_ptr<const Error> Error::clone() const { return std::make_shared<Error>(*this); }

ValidationError::ValidationError(std::string field, const std::string& reason)
    : Error("invalid " + field + ": " + reason), field_(std::move(field)), reason_(reason) {}
ValidationError::~ValidationError() = default;
void ValidationError::raise() const { throw *this; }
std::shared_ptr<const Error> ValidationError::clone() const {
  return std::make_shared<ValidationError>(*this);
}

ServiceError::ServiceError(int status, HttpHeaders headers, std::string_view body)
    : Error(statusLine(status)),
      status_(status),
      headers_(std::move(headers)),
      rawBody_(body.substr(0, kMaxRawBody)) {
  Json parsed;
  try {
    parsed = Json::parse(body, JsonParseOptions{16, kMaxRawBody * 64});
  } catch (const Error&) {
    parsed = Json();  // not JSON: keep status, headers and the raw body
  }
  const Json* error = parsed.find("error");
  const Json* inner = error != nullptr ? error->find("innerError") : nullptr;
  code_ = stringMember(error, "code");
  message_ = stringMember(error, "message");
  requestId_ = stringMember(inner, "request-id");
  clientRequestId_ = stringMember(inner, "client-request-id");
  date_ = stringMember(inner, "date");
  auto header = [this](std::string_view name) {
    return std::string(headers_.get(name).value_or(std::string_view()));
  };
  if (requestId_.empty()) requestId_ = header("request-id");
  if (clientRequestId_.empty()) clientRequestId_ = header("client-request-id");
  if (date_.empty()) date_ = header("Date");
  if (auto retry = headers_.get("Retry-After")) {
    retryAfter_ = detail::parseRetryAfter(*retry, std::chrono::system_clock::now());
  }

  // Service text goes through printableExcerpt(): a hostile body must not forge lines in a log.
  std::string text = statusLine(status);
  if (error != nullptr) {
    text +=
        ": " + (code_.empty() ? std::string("(no code)") : detail::printableExcerpt(code_, 200));
    if (!message_.empty()) text += ": " + detail::printableExcerpt(message_, 1000);
  } else if (!body.empty()) {
    text += " with a body that is not a Graph error: " + detail::printableExcerpt(body, 200);
  }
  if (!requestId_.empty())
    text += " [request-id: " + detail::printableExcerpt(requestId_, 100) + "]";
  if (!clientRequestId_.empty()) {
    text += " [client-request-id: " + detail::printableExcerpt(clientRequestId_, 100) + "]";
  }
  static_cast<std::runtime_error&>(*this) = std::runtime_error(text);
}
ServiceError::~ServiceError() = default;
void ServiceError::raise() const { throw *this; }
std::shared_ptr<const Error> ServiceError::clone() const {
  return std::make_shared<ServiceError>(*this);
}

AuthenticationError::AuthenticationError(const std::string& message, Details details)
    : Error(message), details_(std::move(details)) {}
AuthenticationError::~AuthenticationError() = default;
void AuthenticationError::raise() const { throw *this; }
std::shared_ptr<const Error> AuthenticationError::clone() const {
  return std::make_shared<AuthenticationError>(*this);
}

TransportError::TransportError(Kind kind, const std::string& message, bool gotResponse)
    : Error(message), kind_(kind), gotResponse_(gotResponse) {}
TransportError::~TransportError() = default;
void TransportError::raise() const { throw *this; }
std::shared_ptr<const Error> TransportError::clone() const {
  return std::make_shared<TransportError>(*this);
}

CancelledError::CancelledError(const std::string& message) : Error(message) {}
CancelledError::~CancelledError() = default;
void CancelledError::raise() const { throw *this; }
std::shared_ptr<const Error> CancelledError::clone() const {
  return std::make_shared<CancelledError>(*this);
}

DeadlineExceededError::DeadlineExceededError(const std::string& message) : Error(message) {}
DeadlineExceededError::~DeadlineExceededError() = default;
void DeadlineExceededError::raise() const { throw *this; }
std::shared_ptr<const Error> DeadlineExceededError::clone() const {
  return std::make_shared<DeadlineExceededError>(*this);
}

DeserializationError::DeserializationError(std::string pointer, const std::string& reason)
    : Error(describePointer(pointer) + " " + reason), pointer_(std::move(pointer)) {}
DeserializationError::~DeserializationError() = default;
void DeserializationError::raise() const { throw *this; }
std::shared_ptr<const Error> DeserializationError::clone() const {
  return std::make_shared<DeserializationError>(*this);
}

}  // namespace msgraph
