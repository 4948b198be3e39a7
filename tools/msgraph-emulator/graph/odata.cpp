// SPDX-License-Identifier: MIT
#include "graph/odata.hpp"

namespace emulator {

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

std::vector<std::string> splitCommaList(std::string_view value) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string name(value.substr(start, comma - start));
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty()) names.push_back(std::move(name));
    start = comma + 1;
  }
  return names;
}

}  // namespace emulator
