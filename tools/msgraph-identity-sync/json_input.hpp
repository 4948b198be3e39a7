// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "msgraph/json/json.hpp"

namespace msgraph_cli {

/// Reads the JSON given to `option` as `value`: inline JSON, `@FILE`, or `-` for stdin.
/// @throws UsageError naming `option` when the file cannot be read or the text is not JSON (with
/// the library's message, which names the JSON pointer).
msgraph::Json readJsonOption(std::string_view option, const std::string& value);

}  // namespace msgraph_cli
