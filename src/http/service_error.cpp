// SPDX-License-Identifier: MIT
// ServiceError is declared with the other errors, but reading one from an HTTP error response
// is the http layer's job: it parses the body as JSON and reads `Retry-After`.
#include <chrono>

#include "core/printable_excerpt.hpp"
#include "diagnostics/redaction.hpp"
#include "http/retry_after.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph {

namespace detail {

/// Everything a ServiceError holds, read from the response, with the message (`what`).
struct ServiceErrorFields {
  int status = 0;
  std::string code;
  std::string message;
  std::string requestId;
  std::string clientRequestId;
  std::string date;
  std::optional<std::chrono::milliseconds> retryAfter;
  HttpHeaders headers;
  std::string rawBody;
  bool earlierAttemptMayHaveApplied = false;
  std::string what;
};

namespace {

std::string stringMember(const Json* object, std::string_view key) {
  const Json* value = object != nullptr ? object->find(key) : nullptr;
  return value != nullptr && value->isString() ? value->asString() : std::string();
}

std::string statusLine(int status) {
  std::string line = "Graph returned HTTP " + std::to_string(status);
  if (const char* reason = reasonPhrase(status); *reason != '\0') line += std::string(" ") + reason;
  return line;
}

// Service text goes through printableExcerpt(): a hostile body must not forge lines in a log.
std::string describe(const ServiceErrorFields& fields, bool isGraphError, std::string_view body) {
  std::string text = statusLine(fields.status);
  if (isGraphError) {
    text += ": " +
            (fields.code.empty() ? std::string("(no code)") : printableExcerpt(fields.code, 200));
    if (!fields.message.empty()) text += ": " + printableExcerpt(fields.message, 1000);
  } else if (!body.empty()) {
    text += " with a body that is not a Graph error: " + printableExcerpt(body, 200);
  }
  if (!fields.requestId.empty()) {
    text += " [request-id: " + printableExcerpt(fields.requestId, 100) + "]";
  }
  if (!fields.clientRequestId.empty()) {
    text += " [client-request-id: " + printableExcerpt(fields.clientRequestId, 100) + "]";
  }
  if (fields.earlierAttemptMayHaveApplied) {
    text +=
        "; an earlier attempt of this call may have been applied (it was sent and got no "
        "answer, or a 500, 502 or 504), so this answer may be about the call's own write: read "
        "the resource to know";
  }
  return text;
}

ServiceErrorFields readServiceError(int status, HttpHeaders headers, std::string_view body,
                                    bool earlierAttemptMayHaveApplied) {
  ServiceErrorFields fields;
  fields.status = status;
  fields.earlierAttemptMayHaveApplied = earlierAttemptMayHaveApplied;
  // Service text is kept only redacted (redactServiceText): a service that quotes a secret
  // back (`Bearer ...`, `client_secret=...`) must not hand it to a log, a terminal or what().
  fields.rawBody = redactServiceText(body.substr(0, ServiceError::kMaxRawBody));
  Json parsed;
  try {
    parsed = Json::parse(body, JsonParseOptions{16, ServiceError::kMaxRawBody * 64});
  } catch (const Error&) {
    parsed = Json();  // not JSON: keep status, headers and the raw body
  }
  const Json* error = parsed.find("error");
  const Json* inner = error != nullptr ? error->find("innerError") : nullptr;
  fields.code = redactServiceText(stringMember(error, "code"));
  fields.message = redactServiceText(stringMember(error, "message"));
  fields.requestId = stringMember(inner, "request-id");
  fields.clientRequestId = stringMember(inner, "client-request-id");
  fields.date = stringMember(inner, "date");
  auto header = [&headers](std::string_view name) {
    return std::string(headers.get(name).value_or(std::string_view()));
  };
  if (fields.requestId.empty()) fields.requestId = header("request-id");
  if (fields.clientRequestId.empty()) fields.clientRequestId = header("client-request-id");
  if (fields.date.empty()) fields.date = header("Date");
  if (auto retry = headers.get("Retry-After")) {
    fields.retryAfter = parseRetryAfter(*retry, std::chrono::system_clock::now());
  }
  for (const auto& [name, value] : headers)
    fields.headers.add(name, redactHeaderValue(name, value));
  fields.what = describe(fields, error != nullptr, fields.rawBody);
  return fields;
}

}  // namespace
}  // namespace detail

ServiceError::ServiceError(int status, HttpHeaders headers, std::string_view body,
                           bool earlierAttemptMayHaveApplied)
    : ServiceError(detail::readServiceError(status, std::move(headers), body,
                                            earlierAttemptMayHaveApplied)) {}

ServiceError::ServiceError(detail::ServiceErrorFields&& fields)
    : Error(fields.what),
      status_(fields.status),
      code_(std::move(fields.code)),
      message_(std::move(fields.message)),
      requestId_(std::move(fields.requestId)),
      clientRequestId_(std::move(fields.clientRequestId)),
      date_(std::move(fields.date)),
      retryAfter_(fields.retryAfter),
      headers_(std::move(fields.headers)),
      rawBody_(std::move(fields.rawBody)),
      earlierAttemptMayHaveApplied_(fields.earlierAttemptMayHaveApplied) {}

ServiceError::~ServiceError() = default;
void ServiceError::raise() const { throw *this; }
std::shared_ptr<const Error> ServiceError::clone() const {
  return std::make_shared<ServiceError>(*this);
}

}  // namespace msgraph
