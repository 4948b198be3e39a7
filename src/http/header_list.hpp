// SPDX-License-Identifier: MIT
#pragma once

// The request headers as libcurl's list, built in buffers that the handle keeps between calls:
// no malloc per header, unlike curl_slist_append. libcurl only reads the list during the call.
#include <curl/curl.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace msgraph::detail {

class HeaderList {
 public:
  /// Empties the list; the buffers keep their room for the next request.
  void clear() noexcept {
    size_ = 0;
    starts_.clear();
  }
  /// Appends the entry `name` `separator` `value` (libcurl's "Name: value" or "Name;").
  void add(std::string_view name, std::string_view separator, std::string_view value) {
    const std::size_t start = size_;
    char* at = extend(name.size() + separator.size() + value.size() + 1);
    starts_.push_back(start);  // after extend: a failed one leaves no entry without text
    at = put(at, name);
    at = put(at, separator);
    *put(at, value) = '\0';
  }
  /// True when an entry holds a CR, LF or NUL of its own.
  bool hasLineBreakOrNul() const noexcept;
  /// Links the nodes; valid until the next clear(), add() or link().
  curl_slist* link();

 private:
  static char* put(char* at, std::string_view text) noexcept {
    if (!text.empty()) std::memcpy(at, text.data(), text.size());
    return at + text.size();
  }
  // Where the next `bytes` go, the buffer grown first if it lacks room (one copy of the text,
  // rare: the room is kept between requests).
  char* extend(std::size_t bytes) {
    if (bytes > capacity_ - size_) grow(size_ + bytes);
    char* at = text_.get() + size_;
    size_ += bytes;
    return at;
  }
  void grow(std::size_t needed);

  std::unique_ptr<char[]> text_;  // the entries, each ending in NUL
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::vector<std::size_t> starts_;  // where each entry begins in text_
  std::vector<curl_slist> nodes_;
};

}  // namespace msgraph::detail
