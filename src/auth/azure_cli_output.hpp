// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>

#include "auth/token_answer.hpp"

namespace msgraph::detail {

/// Reads the JSON `az account get-access-token --output json` prints: `accessToken`, and
/// `expires_on` (seconds since the epoch, a number or a string: newer CLIs) or else `expiresOn`
/// (`2024-01-31 14:05:00.000000`, local time). Throws AuthenticationError naming the member
/// that is missing or unusable (never the token).
IssuedToken readAzureCliToken(const std::string& output, std::chrono::system_clock::time_point now,
                              std::chrono::seconds refreshMargin);

/// The Azure CLI's failure as an AuthenticationError: a CredentialUnavailableError that says to
/// run `az login` when `az` says it is not signed in, else the exit status and its stderr
/// (masked, printable, shortened).
[[noreturn]] void throwAzureCliFailure(int exitCode, const std::string& errors);

}  // namespace msgraph::detail
