// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

/// @file
/// Text helpers of the tool. (Names match case-insensitively, as in PowerShell, through the
/// library's `msgraph::asciiEqualsIgnoreCase`.)

namespace msgraph_cli {

/// `text` without leading and trailing spaces, tabs and line ends.
inline std::string_view trimmed(std::string_view text) noexcept {
  const std::string_view blanks = " \t\r\n";
  const std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// -Property and -ExpandProperty take string arrays; on a command line they are "a,b".
inline std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t comma = text.find(',');; comma = text.find(',', start)) {
    items.emplace_back(trimmed(std::string_view(text).substr(start, comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

}  // namespace msgraph_cli
