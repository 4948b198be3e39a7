// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace msgraph::detail {

/// `text` without the optional whitespace (spaces and tabs, RFC 9110's OWS) around it, as a
/// header value or one of its parameters is read.
inline std::string_view withoutOws(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace msgraph::detail
