// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace msgraph::detail {

/// A LIFO stack that keeps its first N entries in place and allocates only beyond them, so the
/// walks over a small value (most bodies nest two or three levels) allocate nothing.
template <typename T, std::size_t N>
class SmallStack {
 public:
  bool empty() const noexcept { return size_ == 0; }
  void push(T value) {
    if (size_ < N) {
      inline_[size_] = std::move(value);
    } else {
      spill_.push_back(std::move(value));
    }
    ++size_;
  }
  /// Removes and returns the top entry; the stack must not be empty.
  T pop() {
    --size_;
    if (size_ < N) return std::move(inline_[size_]);
    T top = std::move(spill_.back());
    spill_.pop_back();
    return top;
  }

 private:
  std::array<T, N> inline_;
  std::vector<T> spill_;
  std::size_t size_ = 0;
};

}  // namespace msgraph::detail
