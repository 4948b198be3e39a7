// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

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

}  // namespace msgraph_cli
