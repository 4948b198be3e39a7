// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "msgraph/json/json.hpp"

namespace emulator {

/// A JWS in compact serialization, split and decoded but not yet verified.
struct CompactJws {
  msgraph::Json header;      // a JSON object
  msgraph::Json claims;      // a JSON object
  std::string signingInput;  // `base64url(header).base64url(payload)` exactly as received
  std::string signature;     // raw bytes
};

/// Splits `token` into its three base64url parts and parses header and payload as JSON
/// objects. Returns nullopt for anything else (wrong number of parts, bad base64url, invalid
/// JSON, a part that is not an object, an empty signature).
std::optional<CompactJws> parseCompactJws(std::string_view token);

}  // namespace emulator
