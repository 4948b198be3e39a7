// SPDX-License-Identifier: MIT
#include "http/header_list.hpp"

#include <algorithm>

namespace msgraph::detail {

// Two searches of the whole text (each entry ends in the list's own NUL), then each entry's
// length against its C string's.
bool HeaderList::hasLineBreakOrNul() const noexcept {
  if (size_ == 0) return false;  // no buffer yet
  if (std::memchr(text_.get(), '\r', size_) != nullptr ||
      std::memchr(text_.get(), '\n', size_) != nullptr) {
    return true;
  }
  for (std::size_t i = 0; i < starts_.size(); ++i) {
    const std::size_t end = i + 1 < starts_.size() ? starts_[i + 1] : size_;
    if (std::strlen(text_.get() + starts_[i]) != end - starts_[i] - 1) return true;
  }
  return false;
}

curl_slist* HeaderList::link() {
  nodes_.resize(starts_.size());
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    nodes_[i].data = text_.get() + starts_[i];
    nodes_[i].next = i + 1 < nodes_.size() ? &nodes_[i + 1] : nullptr;
  }
  return nodes_.empty() ? nullptr : nodes_.data();
}

void HeaderList::grow(std::size_t needed) {
  const std::size_t capacity = std::max({needed, 2 * capacity_, std::size_t{512}});
  std::unique_ptr<char[]> text(new char[capacity]);  // not zeroed: every byte is written first
  if (size_ > 0) std::memcpy(text.get(), text_.get(), size_);
  text_ = std::move(text);
  capacity_ = capacity;
}

}  // namespace msgraph::detail
