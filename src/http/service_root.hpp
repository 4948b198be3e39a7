// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace msgraph::detail {

/// A service or authority root as requests will use it: without a trailing slash, `https://`
/// (or `http://` for loopback hosts only), no query or fragment. Throws ValidationError naming
/// `field` otherwise.
std::string checkedServiceRoot(std::string_view url, const char* field);

/// Whether `url`'s host, as libcurl parses it, is a loopback address or name.
bool isLoopbackUrl(std::string_view url);

}  // namespace msgraph::detail
