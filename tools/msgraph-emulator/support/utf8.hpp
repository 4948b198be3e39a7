// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace emulator {

/// Whether `text` is valid UTF-8 (as the library's JSON writer requires).
bool isValidUtf8(std::string_view text);

/// `text` if it is valid UTF-8, else a copy with every non-ASCII byte replaced by `?`: bodies
/// quote ids and headers from the request, and JSON cannot carry invalid UTF-8.
std::string printable(std::string_view text);

}  // namespace emulator
