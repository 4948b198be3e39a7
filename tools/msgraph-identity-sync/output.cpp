// SPDX-License-Identifier: MIT
#include "output.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "msgraph/ascii.hpp"
#include "msgraph/json/json.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli {

namespace {

using msgraph::Json;

// The resource path of the request's URL (what the operation acts on), without the service
// root and the query.
std::string_view resourcePath(std::string_view url) {
  url = url.substr(0, url.find('?'));
  const std::size_t start = url.rfind("/policies/");
  return start == std::string_view::npos ? url : url.substr(start);
}

std::string pascalCase(std::string name) {
  if (!name.empty() && name.front() >= 'a' && name.front() <= 'z') {
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
  }
  return name;
}

// PowerShell's list view of a model: typed properties PascalCased, the others as Graph names them.
void printText(const std::string& modelJson, const msgraph::JsonObject& additionalProperties) {
  std::vector<std::pair<std::string, std::string>> rows;
  std::size_t width = 0;
  const Json json = Json::parse(modelJson);
  for (const auto& [key, value] : json.asObject()) {
    const bool typed = !additionalProperties.contains(key);
    rows.emplace_back(terminalSafe(typed ? pascalCase(key) : key), terminalSafe(textValue(value)));
    width = std::max(width, rows.back().first.size());
  }
  for (auto& [name, value] : rows) {
    name.resize(width, ' ');
    std::cout << name << " : " << value << '\n';
  }
}

template <typename Model>
void printModel(const Model& model, OutputFormat format) {
  if (format == OutputFormat::Text) {
    printText(model.toJson(), model.additionalProperties);
  } else {
    std::cout << terminalSafeJson(Json::parse(model.toJson()).dump(true)) << '\n';
  }
}

}  // namespace

std::string textValue(const Json& value) {
  switch (value.type()) {
    case Json::Type::Null:
      return "";
    case Json::Type::String:
      return value.asString();
    case Json::Type::Bool:
      return value.asBool() ? "True" : "False";
    default:
      return value.dump();
  }
}

std::string operationLine(const msgraph::HttpRequest& request, const std::string& partnerId) {
  return "Performing the operation \"" + std::string(msgraph::toString(request.method)) + " " +
         std::string(resourcePath(request.url)) + "\" on target \"" + partnerId + "\".";
}

void printWhatIf(const msgraph::HttpRequest& request, const std::string& partnerId) {
  // The library's display string redacts secrets; only the body is re-rendered, pretty.
  msgraph::HttpRequest head = request;
  head.body.clear();
  std::cout << "What if: " << terminalSafe(operationLine(request, partnerId)) << '\n'
            << terminalSafeLines(head.toDisplayString());
  if (!request.body.empty()) {
    std::cout << terminalSafeJson(Json::parse(request.body).dump(true)) << '\n';
  }
}

void printPolicy(const msgraph::models::IdentitySyncPolicyPartner& policy, OutputFormat format) {
  printModel(policy, format);
}

void printPartner(const msgraph::models::CrossTenantAccessPolicyConfigurationPartner& partner,
                  OutputFormat format) {
  printModel(partner, format);
}

Json headersJson(const msgraph::HttpHeaders& headers) {
  std::vector<std::pair<std::string, std::string>> merged;
  // Where each name (in small letters) is in `merged`: a server's thousands of headers cost
  // O(n log n), not a scan each.
  std::map<std::string, std::size_t> positions;
  for (const auto& [name, value] : headers) {
    std::string folded = name;
    for (char& c : folded) c = msgraph::asciiLower(c);
    const auto [at, added] = positions.emplace(std::move(folded), merged.size());
    if (added) {
      merged.emplace_back(name, value);
    } else {
      merged[at->second].second.append(", ").append(value);
    }
  }
  Json object = Json::object();
  for (auto& [name, value] : merged) object.set(std::move(name), std::move(value));
  return object;
}

void printResponseHeaders(const msgraph::HttpHeaders& headers) {
  std::cerr << terminalSafeJson(headersJson(headers).dump()) << '\n';
}

}  // namespace msgraph_cli
