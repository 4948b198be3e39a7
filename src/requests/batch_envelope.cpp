// SPDX-License-Identifier: MIT
#include "requests/batch_envelope.hpp"

#include <utility>

#include "msgraph/ascii.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

std::exception_ptr unreadable(std::string pointer, const std::string& reason) {
  return std::make_exception_ptr(
      DeserializationError(std::move(pointer), "the $batch answer " + reason));
}

// Graph's statuses: three digits.
bool isStatus(const Json* status) {
  return status != nullptr && status->type() == Json::Type::Int && status->asInt() >= 100 &&
         status->asInt() <= 599;
}

// An answer that gives its request no usable response.
BatchAnswer unusable(std::string pointer, const std::string& reason) {
  return BatchAnswer{{}, unreadable(std::move(pointer), reason)};
}

// The answer `entry` (at `at`) as a response of its own.
BatchAnswer answerOf(const Json& entry, const std::string& at) {
  const Json* status = entry.find("status");
  if (!isStatus(status)) {
    return unusable(at + "/status", "gives no HTTP status (a number from 100 to 599)");
  }
  BatchAnswer answer;
  answer.response.status = static_cast<int>(status->asInt());
  if (const Json* headers = entry.find("headers"); headers != nullptr && !headers->isNull()) {
    if (!headers->isObject())
      return unusable(at + "/headers", "has headers that are not an object");
    for (const auto& [name, value] : headers->asObject()) {
      if (!value.isString()) {
        return unusable(at + "/headers", "has a header value that is not a string");
      }
      answer.response.headers.add(name, value.asString());
    }
  }
  if (const Json* body = entry.find("body"); body != nullptr && !body->isNull()) {
    if (!body->isObject()) return unusable(at + "/body", "has a body that is not a JSON object");
    answer.response.body = body->dump();
  }
  return answer;
}

std::size_t indexOf(const std::vector<std::string>& ids, std::string_view id) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (asciiEqualsIgnoreCase(ids[i], id)) return i;
  }
  return ids.size();
}

std::vector<BatchAnswer> allFailing(std::size_t count, const std::exception_ptr& error) {
  std::vector<BatchAnswer> answers(count);
  for (BatchAnswer& answer : answers) answer.error = error;
  return answers;
}

}  // namespace

Json batchItemOf(const std::string& id, const HttpRequest& request, std::string_view serviceRoot) {
  const std::string_view url = request.url;
  if (url.size() <= serviceRoot.size() || url.compare(0, serviceRoot.size(), serviceRoot) != 0 ||
      url[serviceRoot.size()] != '/') {
    throw ValidationError("$batch", "the request's URL is not under the client's service root");
  }
  JsonObject headers;
  for (const auto& [name, value] : request.headers) {
    if (!asciiEqualsIgnoreCase(name, "Authorization")) headers.set(name, value);
  }
  JsonObject item{{"id", id},
                  {"method", std::string(toString(request.method))},
                  {"url", std::string(url.substr(serviceRoot.size()))},
                  {"headers", std::move(headers)}};
  if (!request.body.empty()) {
    try {
      item.set("body", Json::parse(request.body));
    } catch (const DeserializationError&) {
      throw ValidationError("$batch", "the request's body is not JSON, which a batch must carry");
    }
  }
  return item;
}

std::string batchEnvelopeOf(Json::Array items) {
  return Json::object({{"requests", std::move(items)}}).dump();
}

std::vector<BatchAnswer> readBatchAnswers(std::string_view body,
                                          const std::vector<std::string>& ids) {
  Json envelope;
  try {
    envelope = Json::parse(body);
  } catch (const DeserializationError& error) {
    return allFailing(ids.size(), unreadable(error.pointer(), "is not JSON: " + error.reason()));
  }
  const Json* responses = envelope.isObject() ? envelope.find("responses") : nullptr;
  if (responses == nullptr || !responses->isArray()) {
    return allFailing(ids.size(), unreadable("/responses", "has no array of responses"));
  }
  std::vector<BatchAnswer> answers(ids.size());
  std::vector<bool> answered(ids.size(), false);
  const Json::Array& entries = responses->asArray();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Json* id = entries[i].isObject() ? entries[i].find("id") : nullptr;
    if (id == nullptr || !id->isString()) continue;  // names no request: it answers none
    const std::size_t asked = indexOf(ids, id->asString());
    if (asked == ids.size()) continue;  // not a request of this envelope
    const std::string at = "/responses/" + std::to_string(i);
    if (answered[asked]) {
      answers[asked] = unusable(at + "/id", "answers request '" + ids[asked] + "' more than once");
      continue;
    }
    answered[asked] = true;
    answers[asked] = answerOf(entries[i], at);
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!answered[i]) {
      answers[i].error = unreadable("/responses", "holds no answer for request '" + ids[i] + "'");
    }
  }
  return answers;
}

}  // namespace msgraph::detail
