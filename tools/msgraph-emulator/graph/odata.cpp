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

}  // namespace emulator
