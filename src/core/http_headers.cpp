// SPDX-License-Identifier: MIT
#include "msgraph/http_headers.hpp"

#include <algorithm>

#include "msgraph/ascii.hpp"

namespace msgraph {

void HttpHeaders::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::set(std::string_view name, std::string value) {
  auto first = std::find_if(fields_.begin(), fields_.end(),
                            [&](const Field& f) { return asciiEqualsIgnoreCase(f.first, name); });
  if (first == fields_.end()) {
    fields_.emplace_back(std::string(name), std::move(value));
    return;
  }
  first->second = std::move(value);
  fields_.erase(
      std::remove_if(first + 1, fields_.end(),
                     [&](const Field& f) { return asciiEqualsIgnoreCase(f.first, name); }),
      fields_.end());
}

std::size_t HttpHeaders::remove(std::string_view name) {
  const std::size_t before = fields_.size();
  fields_.erase(
      std::remove_if(fields_.begin(), fields_.end(),
                     [&](const Field& f) { return asciiEqualsIgnoreCase(f.first, name); }),
      fields_.end());
  return before - fields_.size();
}

std::optional<std::string_view> HttpHeaders::get(std::string_view name) const {
  for (const Field& field : fields_) {
    if (asciiEqualsIgnoreCase(field.first, name)) return std::string_view(field.second);
  }
  return std::nullopt;
}

}  // namespace msgraph
