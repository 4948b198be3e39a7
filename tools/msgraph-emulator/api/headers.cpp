// SPDX-License-Identifier: MIT
#include "api/headers.hpp"

#include <algorithm>

#include "msgraph/ascii.hpp"
#include "support/ascii.hpp"

namespace emulator {

const std::string* findHeader(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (msgraph::asciiEqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

void setHeader(Headers& headers, std::string name, std::string value) {
  headers.erase(
      std::remove_if(headers.begin(), headers.end(),
                     [&](const auto& h) { return msgraph::asciiEqualsIgnoreCase(h.first, name); }),
      headers.end());
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view mediaType(const Headers& headers) {
  const std::string* type = findHeader(headers, "Content-Type");
  if (type == nullptr) return {};
  return trimSpace(std::string_view(*type).substr(0, type->find(';')));
}

}  // namespace emulator
