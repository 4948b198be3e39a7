// SPDX-License-Identifier: MIT
#include "json/json_pointer.hpp"

#include <vector>

namespace msgraph::detail {

void appendPointerToken(std::string& pointer, std::string_view token) {
  pointer.push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

std::string PathNode::toString() const {
  std::vector<std::string_view> tokens;
  for (const PathNode* node = this; node->parent != nullptr; node = node->parent) {
    tokens.push_back(node->token);
  }
  std::string pointer;
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) appendPointerToken(pointer, *it);
  return pointer;
}

std::size_t PathNode::levels() const noexcept {
  std::size_t count = 0;
  for (const PathNode* node = this; node->parent != nullptr; node = node->parent) ++count;
  return count;
}

}  // namespace msgraph::detail
