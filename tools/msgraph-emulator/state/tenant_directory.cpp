// SPDX-License-Identifier: MIT
#include "state/tenant_directory.hpp"

#include <algorithm>

#include "msgraph/ascii.hpp"
#include "support/ascii.hpp"

namespace emulator {

bool TenantDirectory::serves(std::string_view name) const {
  if (names.empty() && aliases.empty()) return true;
  return aliases.count(toLowerAscii(std::string(name))) != 0 ||
         std::any_of(names.begin(), names.end(), [&](const std::string& known) {
           return msgraph::asciiEqualsIgnoreCase(known, name);
         });
}

std::string TenantDirectory::keyOf(std::string_view name) const {
  std::string key = toLowerAscii(std::string(name));
  const auto alias = aliases.find(key);
  return alias == aliases.end() ? key : alias->second;
}

}  // namespace emulator
