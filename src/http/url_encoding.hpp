// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace msgraph::detail {

/// Appends `text` percent-encoded so that it is exactly one path segment or query value:
/// everything but RFC 3986 unreserved characters (ALPHA DIGIT - . _ ~) is encoded, so `/`, `?`,
/// `#`, `%` and spaces can never change the URL's shape.
void appendPercentEncoded(std::string& out, std::string_view text);

}  // namespace msgraph::detail
