#pragma once

#include <string>
#include <string_view>

/// @file
/// ASCII text helpers: PowerShell matches names case-insensitively, and so does the tool.

namespace msgraph_cli {

inline char asciiLower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (asciiLower(a[i]) != asciiLower(b[i])) return false;
  }
  return true;
}

/// `text` without leading and trailing spaces, tabs and line ends.
inline std::string_view trimmed(std::string_view text) noexcept {
  const std::string_view blanks = " \t\r\n";
  const std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

}  // namespace msgraph_cli
