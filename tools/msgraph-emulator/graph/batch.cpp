// SPDX-License-Identifier: MIT
#include "graph/batch.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "graph/graph_responses.hpp"
#include "graph/json_body.hpp"
#include "msgraph/error.hpp"
#include "support/ascii.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

struct BatchItem {
  std::string id;
  ApiRequest request;
  std::vector<std::string> dependsOn;
};

const std::string* stringMember(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  return value != nullptr && value->isString() ? &value->asString() : nullptr;
}

// Reads the item's headers and body; returns a problem message, or nullopt.
std::optional<std::string> readPayload(const Json& item, BatchItem& out) {
  if (const Json* headers = item.find("headers")) {
    if (!headers->isObject()) return "'headers' of request '" + out.id + "' must be an object.";
    for (const auto& [name, value] : headers->asObject()) {
      if (!value.isString()) {
        return "Header '" + name + "' of request '" + out.id + "' is not a string.";
      }
      out.request.headers.emplace_back(name, value.asString());
    }
  }
  if (const Json* body = item.find("body")) {
    if (findHeader(out.request.headers, "Content-Type") == nullptr) {
      return "Request '" + out.id + "' has a body but no Content-Type header.";
    }
    out.request.body = body->dump();
  }
  return std::nullopt;
}

std::optional<std::string> readItem(const Json& item, const GraphCall& call, BatchItem& out) {
  const std::string* id = item.isObject() ? stringMember(item, "id") : nullptr;
  const std::string* method = item.isObject() ? stringMember(item, "method") : nullptr;
  const std::string* url = item.isObject() ? stringMember(item, "url") : nullptr;
  if (id == nullptr || id->empty() || method == nullptr || url == nullptr) {
    return std::string("Each request needs string properties 'id', 'method' and 'url'.");
  }
  out.id = *id;
  out.request.method = toUpperAscii(*method);
  const std::string relative = (url->empty() || url->front() != '/') ? "/" + *url : *url;
  const std::size_t question = relative.find('?');
  out.request.rawPath =
      "/" + std::string(versionSegment(call.version)) + relative.substr(0, question);
  out.request.rawQuery = question == std::string::npos ? "" : relative.substr(question + 1);
  out.request.insideBatch = true;
  if (const Json* depends = item.find("dependsOn")) {
    if (!depends->isArray()) return "'dependsOn' of request '" + out.id + "' must be an array.";
    for (const Json& dependency : depends->asArray()) {
      if (!dependency.isString()) return "'dependsOn' of request '" + out.id + "' must hold ids.";
      out.dependsOn.push_back(toLowerAscii(dependency.asString()));
    }
  }
  if (std::optional<std::string> problem = readPayload(item, out)) return problem;
  // The envelope's credentials apply to every item, whatever the item says.
  if (const std::string* authorization = findHeader(call.request.headers, "Authorization")) {
    setHeader(out.request.headers, "Authorization", *authorization);
  }
  return std::nullopt;
}

// Parses and checks the envelope; returns a problem message, or nullopt with `items` filled.
std::optional<std::string> readEnvelope(const GraphCall& call, std::vector<BatchItem>& items) {
  Json envelope;
  try {
    envelope = Json::parse(call.request.body);
  } catch (const msgraph::DeserializationError& e) {
    return std::string("Invalid batch payload: ") + e.what();
  }
  const Json* requests = envelope.isObject() ? envelope.find("requests") : nullptr;
  if (requests == nullptr || !requests->isArray()) {
    return std::string("Invalid batch payload: the body needs an array 'requests'.");
  }
  if (requests->asArray().size() > kMaxBatchRequests) {
    return "The batch holds " + std::to_string(requests->asArray().size()) + " requests; at most " +
           std::to_string(kMaxBatchRequests) + " are allowed.";
  }
  std::vector<std::string> seen;  // ids compare case-insensitively, as on Graph
  for (const Json& item : requests->asArray()) {
    BatchItem parsed;
    if (std::optional<std::string> problem = readItem(item, call, parsed)) return problem;
    const std::string key = toLowerAscii(parsed.id);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      return "The batch request id '" + parsed.id + "' is used more than once.";
    }
    for (const std::string& dependency : parsed.dependsOn) {
      if (std::find(seen.begin(), seen.end(), dependency) == seen.end()) {
        return "Request '" + parsed.id + "' depends on '" + dependency +
               "', which is not an earlier request of the batch.";
      }
    }
    seen.push_back(key);
    items.push_back(std::move(parsed));
  }
  return std::nullopt;
}

// An item that does not run still gets its own ids, as if it had been dispatched.
ApiResponse failedDependency(const ApiRequest& request) {
  const CallIds ids = newCallIds(request.headers);
  ApiResponse response =
      graphError(ids, 424, "FailedDependency", "A request that this request depends on failed.");
  addStandardHeaders(response, ids);
  return response;
}

Json itemResponse(const std::string& id, const ApiResponse& response) {
  JsonObject headers;
  for (const auto& [name, value] : response.headers) headers.set(name, value);
  JsonObject out{{"id", id}, {"status", response.status}, {"headers", std::move(headers)}};
  // Every body the dispatcher produces is JSON; 204s have none and so no "body" member.
  if (!response.body.empty()) out.set("body", Json::parse(response.body));
  return out;
}

}  // namespace

ApiResponse handleBatch(const GraphCall& call, const ItemDispatcher& dispatch) {
  if (std::optional<ApiResponse> refused = refuseBody(call)) return *refused;
  std::vector<BatchItem> items;
  if (std::optional<std::string> problem = readEnvelope(call, items)) {
    return graphError(call.ids, 400, "BadRequest", *problem);
  }
  std::map<std::string, int> statusById;
  Json::Array responses;
  for (const BatchItem& item : items) {
    const bool blocked = std::any_of(item.dependsOn.begin(), item.dependsOn.end(),
                                     [&](const std::string& id) { return statusById[id] >= 400; });
    ApiResponse response = blocked ? failedDependency(item.request) : dispatch(item.request);
    statusById[toLowerAscii(item.id)] = response.status;
    responses.push_back(itemResponse(item.id, response));
  }
  ApiResponse response;
  response.setJson(Json::object({{"responses", std::move(responses)}}));
  return response;
}

}  // namespace emulator
