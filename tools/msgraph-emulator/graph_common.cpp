#include "graph_common.hpp"

#include <cctype>

namespace emulator {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::string odataContext(const GraphCall& call, std::string_view fragment) {
  return call.baseUrl + "/" + std::string(versionSegment(call.version)) + "/$metadata#" +
         std::string(fragment);
}

std::string odataKey(std::string_view id) {
  std::string key = "'";
  for (char c : id) {
    key += c;
    if (c == '\'') key += '\'';
  }
  return key + "'";
}

std::optional<ApiResponse> refuseBody(const GraphCall& call) {
  if (call.request.body.empty()) {
    return graphError(call.ids, 400, "BadRequest", "Empty Payload. JSON content expected.");
  }
  const std::string* type = findHeader(call.request.headers, "Content-Type");
  const std::string_view media = type == nullptr
                                     ? std::string_view{}
                                     : trim(std::string_view(*type).substr(0, type->find(';')));
  if (!equalsIgnoreCase(media, "application/json")) {
    return graphError(call.ids, 415, "UnsupportedMediaType",
                      "The request body must be sent with Content-Type: application/json.");
  }
  return std::nullopt;
}

bool ifMatchAllows(const Headers& headers, const std::string* etag) {
  const std::string* ifMatch = findHeader(headers, "If-Match");
  if (ifMatch == nullptr) return true;
  if (etag == nullptr) return false;
  std::string_view rest = *ifMatch;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view candidate = trim(rest.substr(0, comma));
    if (candidate == "*" || candidate == *etag) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

ApiResponse methodNotAllowed(const CallIds& ids, std::string allow) {
  ApiResponse response = graphError(ids, 405, "Request_BadRequest",
                                    "Specified HTTP method is not allowed for the request uri.");
  setHeader(response.headers, "Allow", std::move(allow));
  return response;
}

ApiResponse noContent() {
  ApiResponse response;
  response.status = 204;
  return response;
}

ApiResponse resourceNotFound(const CallIds& ids, std::string_view name) {
  return graphError(ids, 404, "Request_ResourceNotFound",
                    "Resource '" + std::string(name) +
                        "' does not exist or one of its queried reference-property objects are "
                        "not present.");
}

}  // namespace emulator
