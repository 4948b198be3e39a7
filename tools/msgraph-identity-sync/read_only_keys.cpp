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

bool isAnnotation(std::string_view key) {
  constexpr std::string_view kOdata = "@odata.";
  return key.size() > kOdata.size() &&
         msgraph::asciiEqualsIgnoreCase(key.substr(0, kOdata.size()), kOdata);
}

bool isListed(std::string_view key, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (msgraph::asciiEqualsIgnoreCase(key, name)) return true;
  }
  return false;
}

// Copies `value` without annotations (and, for the top object, without `readOnly`), appending
// the pointer of each key left out to `dropped`.
Json filtered(const Json& value, std::initializer_list<std::string_view> readOnly,
              const std::string& pointer, std::vector<std::string>& dropped) {
  if (!value.isObject()) return value;
  Json kept = Json::object();
  for (const auto& [key, member] : value.asObject()) {
    if (isAnnotation(key) || isListed(key, readOnly)) {
      dropped.push_back(pointer + "/" + key);
      continue;
    }
    kept.asObject().set(key, filtered(member, {}, pointer + "/" + key, dropped));
  }
  return kept;
}

}  // namespace

Json withoutReadOnlyKeys(const Json& body, std::initializer_list<std::string_view> readOnly,
                         const Arguments& args) {
  std::vector<std::string> dropped;
  Json kept = filtered(body, readOnly, "", dropped);
  if (args.raw.verbose) {
    for (const std::string& pointer : dropped) {
      std::cerr << "VERBOSE: " << optionName(&RawOptions::bodyParameter) << ": "
                << terminalSafe(pointer) << " is read-only or an annotation: dropped, not sent\n";
    }
  }
  return kept;
}

}  // namespace msgraph_cli
