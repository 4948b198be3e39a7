// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "msgraph/ascii.hpp"

namespace msgraph::models {

/// @brief Whether the JSON key `key` names the property `name`. Graph compares property names
/// without regard to ASCII case, so `DisplayName` names `displayName`.
///
/// The one rule of the library and its tool: `fromJson` reads `DisplayName` into the typed
/// `displayName`, `toJson` refuses an `additionalProperties` key that names a typed property,
/// and the tool matches its JSON options' keys with it.
inline bool namesProperty(std::string_view key, std::string_view name) noexcept {
  // Most keys differ in size, and a match is mostly exact: both cost one short compare.
  return key.size() == name.size() && (key == name || asciiEqualsIgnoreCase(key, name));
}

}  // namespace msgraph::models
