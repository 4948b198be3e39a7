#pragma once

#include <string>
#include <string_view>

namespace msgraph::detail {

/// The one place that decides what is secret. Logs, what-if output and error messages all go
/// through these functions, so a secret masked in one is masked in all.

/// Whether a header's value is a secret (Authorization, Proxy-Authorization, Cookie, ...).
bool isSecretHeader(std::string_view name) noexcept;

/// The header value as it may be shown: secrets keep only their scheme (`Bearer ***`).
std::string redactHeaderValue(std::string_view name, std::string_view value);

}  // namespace msgraph::detail
