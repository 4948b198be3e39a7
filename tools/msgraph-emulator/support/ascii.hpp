// SPDX-License-Identifier: MIT
#pragma once

// ASCII-only text helpers: protocol names (headers, schemes, path segments, batch ids) are ASCII
// and change case without the locale. Comparing them is the library's own
// msgraph::asciiEqualsIgnoreCase, the one such comparison of the library, the tool and this
// emulator.

#include <string>
#include <string_view>

namespace emulator {

/// `text` with ASCII letters in lower case.
std::string toLowerAscii(std::string text);
/// `text` with ASCII letters in upper case.
std::string toUpperAscii(std::string text);

/// `text` without leading and trailing whitespace.
std::string_view trimSpace(std::string_view text);

}  // namespace emulator
