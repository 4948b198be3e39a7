// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Whether `a` and `b` are equal when ASCII letters are compared without case, as HTTP
/// header names, URL schemes and host names compare (RFC 9110). No locale is consulted, and
/// bytes outside ASCII compare exactly. The one such comparison of the library, its tool and
/// its emulator.
MSGRAPH_API bool asciiEqualsIgnoreCase(std::string_view a, std::string_view b) noexcept;

/// @brief Whether `part` occurs in `text` when ASCII letters are compared without case, as
/// asciiEqualsIgnoreCase compares them. An empty `part` occurs in every text.
MSGRAPH_API bool asciiContainsIgnoreCase(std::string_view text, std::string_view part) noexcept;

/// @brief `c` with an ASCII capital letter made small; every other byte unchanged.
constexpr char asciiLower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// @brief `c` with an ASCII small letter made capital; every other byte unchanged.
constexpr char asciiUpper(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace msgraph
