// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// Decodes standard base64 with padding (as in an HTTP Basic header). Returns nullopt for text
/// that is not a whole number of 4-character groups or has characters outside the alphabet.
std::optional<std::string> decodeBase64(std::string_view text);

/// Decodes base64url (RFC 4648 section 5) as JWS uses it: unpadded, though trailing `=` padding
/// is tolerated. Returns nullopt for any character outside the base64url alphabet.
std::optional<std::string> decodeBase64Url(std::string_view text);

}  // namespace emulator
