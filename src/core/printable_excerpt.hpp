// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace msgraph::detail {

/// Service text made safe for an error message: each control character becomes a space (so that
/// a hostile answer cannot forge log lines) and text past `limit` bytes is cut, ending in `...`.
/// Shared by ServiceError and the token endpoint.
std::string printableExcerpt(std::string_view text, std::size_t limit);

}  // namespace msgraph::detail
