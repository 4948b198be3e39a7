// SPDX-License-Identifier: MIT
#pragma once

#include <cstring>
#include <string_view>

namespace msgraph::detail {

/// True when `text` holds a CR, LF or NUL: a header value with one would smuggle in headers of
/// its own. Three memchr passes (vectorized in libc) beat one loop over the bytes: the bearer
/// token alone is 1-3 KB on every request.
inline bool hasLineBreakOrNul(std::string_view text) {
  for (char c : {'\n', '\r', '\0'}) {
    if (std::memchr(text.data(), c, text.size()) != nullptr) return true;
  }
  return false;
}

}  // namespace msgraph::detail
