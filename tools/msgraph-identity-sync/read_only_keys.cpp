// SPDX-License-Identifier: MIT
#include "read_only_keys.hpp"

#include <iostream>
#include <string>
#include <vector>

#include "command_spec.hpp"
#include "msgraph/ascii.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli {

namespace {

using msgraph::Json;

// OData JSON's instance annotations ("@odata.context", "@microsoft.graph.tips") and property
// annotations ("displayName@odata.type"): "@" then a namespace-qualified term. No Graph
// property name holds an "@".
bool isAnnotation(std::string_view key) {
  const std::size_t at = key.find('@');
  return at != std::string_view::npos && key.find('.', at) != std::string_view::npos;
}

// `key` as one JSON pointer token (RFC 6901: "~" is "~0", "/" is "~1").
std::string pointerToken(std::string_view key) {
  std::string token;
  for (const char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

bool isListed(std::string_view key, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (msgraph::asciiEqualsIgnoreCase(key, name)) return true;
  }
  return false;
}

// Copies `value` without annotations, in objects and arrays at any depth (and, for the top
// object, without `readOnly`), appending the pointer of each key left out to `dropped`.
Json filtered(const Json& value, std::initializer_list<std::string_view> readOnly,
              const std::string& pointer, std::vector<std::string>& dropped) {
  if (value.isArray()) {
    Json kept = Json::array();
    for (const Json& item : value.asArray()) {
      const std::string at = pointer + "/" + std::to_string(kept.asArray().size());
      kept.asArray().push_back(filtered(item, {}, at, dropped));
    }
    return kept;
  }
  if (!value.isObject()) return value;
  Json kept = Json::object();
  for (const auto& [key, member] : value.asObject()) {
    const std::string at = pointer + "/" + pointerToken(key);
    if (isAnnotation(key) || isListed(key, readOnly)) {
      dropped.push_back(at);
      continue;
    }
    kept.asObject().set(key, filtered(member, {}, at, dropped));
  }
  return kept;
}

}  // namespace

Json withoutReadOnlyKeys(const Json& body, std::initializer_list<std::string_view> readOnly,
                         std::vector<std::string>& dropped) {
  return filtered(body, readOnly, "", dropped);
}

Json withoutReadOnlyKeys(const Json& body, std::initializer_list<std::string_view> readOnly,
                         const Arguments& args) {
  std::vector<std::string> dropped;
  Json kept = withoutReadOnlyKeys(body, readOnly, dropped);
  if (args.raw.verbose) {
    for (const std::string& pointer : dropped) {
      std::cerr << "VERBOSE: " << optionName(&RawOptions::bodyParameter) << ": "
                << terminalSafe(pointer) << " is read-only or an annotation: dropped, not sent\n";
    }
  }
  return kept;
}

}  // namespace msgraph_cli
