// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

namespace msgraph::detail {

/// Whether `text` is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view text) noexcept;

/// Whether decoded text holds a UTF-16 surrogate (bytes ED A0..BF xx). RapidJSON 1.1 turns a
/// lone `\udc00` escape into such bytes instead of refusing it, so every decoded string is
/// checked; the scan is a memchr for 0xED, which real text almost never contains.
bool hasEncodedSurrogate(const char* text, std::size_t length) noexcept;

}  // namespace msgraph::detail
