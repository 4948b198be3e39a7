// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace msgraph::detail {

/// Appends `text` to `out` as a quoted JSON string, escaped byte for byte as RapidJSON's writer
/// escapes it (`\"`, `\\`, `\b \f \n \r \t`, other control characters as `\u00XX`; everything
/// else, UTF-8 included, as it is). Runs that need no escape are copied at once, not a byte at a
/// time. `text` must be valid UTF-8: the caller checks it.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace msgraph::detail
