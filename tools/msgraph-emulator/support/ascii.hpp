#pragma once

// ASCII-only text helpers: protocol names (headers, schemes, path segments, batch ids) are ASCII
// and compare without the locale.

#include <string>
#include <string_view>

namespace emulator {

/// Whether two ASCII strings are equal ignoring case (header names, path segments, schemes).
bool equalsIgnoreCase(std::string_view a, std::string_view b);

/// `text` with ASCII letters in lower case.
std::string toLowerAscii(std::string text);
/// `text` with ASCII letters in upper case.
std::string toUpperAscii(std::string text);

/// `text` without leading and trailing whitespace.
std::string_view trimSpace(std::string_view text);

}  // namespace emulator
