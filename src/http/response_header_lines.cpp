// SPDX-License-Identifier: MIT
#include "http/response_header_lines.hpp"

#include <utility>

namespace msgraph::detail {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isSpace(char c) { return isBlank(c) || c == '\v' || c == '\f' || c == '\r' || c == '\n'; }

// As libcurl's header API trims a value: blanks before it, any whitespace after it.
std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

void ResponseHeaderLines::add(std::string_view line) {
  if (line.substr(0, 5) == "HTTP/") {  // a response's status line: its fields follow
    clear();
    return;
  }
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty()) {
    ended_ = true;
    return;
  }
  if (ended_) return;  // a trailer
  if (isBlank(line.front())) {
    if (fields_.empty()) return;  // a continuation of nothing: nothing to continue
    const std::string_view more = trimmed(line);
    std::string& value = fields_.back().second;
    if (!more.empty()) value.append(value.empty() ? "" : " ").append(more);
    return;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;                 // not a field: kept out
  if (fields_.capacity() == 0) fields_.reserve(kUsualFields);  // take() moved the room out
  fields_.emplace_back(std::string(line.substr(0, colon)),
                       std::string(trimmed(line.substr(colon + 1))));
}

void ResponseHeaderLines::clear() noexcept {
  fields_.clear();
  ended_ = false;
}

HttpHeaders ResponseHeaderLines::take() {
  HttpHeaders headers(std::exchange(fields_, {}));
  ended_ = false;
  return headers;
}

}  // namespace msgraph::detail
