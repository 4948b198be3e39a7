// SPDX-License-Identifier: MIT
#include "graph/if_match.hpp"

#include "support/ascii.hpp"

namespace emulator {

bool ifMatchAllows(const Headers& headers, const std::string* etag) {
  const std::string* ifMatch = findHeader(headers, "If-Match");
  if (ifMatch == nullptr) return true;
  if (etag == nullptr) return false;
  std::string_view rest = *ifMatch;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view candidate = trimSpace(rest.substr(0, comma));
    if (candidate == "*" || candidate == *etag) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace emulator
