// SPDX-License-Identifier: MIT
#include "msgraph/ascii.hpp"

namespace msgraph {

bool asciiEqualsIgnoreCase(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (asciiLower(a[i]) != asciiLower(b[i])) return false;
  }
  return true;
}

bool asciiContainsIgnoreCase(std::string_view text, std::string_view part) noexcept {
  for (std::size_t i = 0; i + part.size() <= text.size(); ++i) {
    if (asciiEqualsIgnoreCase(text.substr(i, part.size()), part)) return true;
  }
  return false;
}

}  // namespace msgraph
