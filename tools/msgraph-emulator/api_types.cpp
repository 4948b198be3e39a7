#include "api_types.hpp"

#include <algorithm>
#include <cctype>

namespace emulator {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

const std::string* findHeader(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

void setHeader(Headers& headers, std::string name, std::string value) {
  headers.erase(std::remove_if(headers.begin(), headers.end(),
                               [&](const auto& h) { return equalsIgnoreCase(h.first, name); }),
                headers.end());
  headers.emplace_back(std::move(name), std::move(value));
}

void ApiResponse::setJson(const msgraph::Json& value) {
  body = value.dump();
  setHeader(headers, "Content-Type", "application/json");
}

}  // namespace emulator
