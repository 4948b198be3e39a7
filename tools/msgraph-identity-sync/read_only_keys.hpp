// SPDX-License-Identifier: MIT
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph_cli {

/// `body` (a --body-parameter object) without what a write must not carry but a GET prints:
/// the OData annotations (`@odata.context`, `name@odata.type`, ...) at any depth, arrays
/// included, and, at the top, the `readOnly` keys (matched case-insensitively), so that `get`
/// output can be fed straight back to `set` or `update`.
/// With --verbose, notes each key dropped (as a JSON pointer) on stderr. Anything not an object
/// is returned as it is.
msgraph::Json withoutReadOnlyKeys(const msgraph::Json& body,
                                  std::initializer_list<std::string_view> readOnly,
                                  const Arguments& args);

/// As above, for inputs that are not --body-parameter (a desired-state line, a partner to
/// export): appends the JSON pointer of each key dropped to `dropped` instead of noting it.
msgraph::Json withoutReadOnlyKeys(const msgraph::Json& body,
                                  std::initializer_list<std::string_view> readOnly,
                                  std::vector<std::string>& dropped);

}  // namespace msgraph_cli
