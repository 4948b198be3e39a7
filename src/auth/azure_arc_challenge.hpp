// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "msgraph/http/http_response.hpp"

namespace msgraph::detail {

/// The largest key file the Azure Arc agent writes.
inline constexpr std::size_t kMaxArcKeyBytes = 4096;

/// Answers Azure Arc's challenge: its 401 names a key file in `WWW-Authenticate: Basic
/// realm=<path>`; the file must be a `.key` file directly in `keyDirectory` and at most
/// kMaxArcKeyBytes, and its content (a secret) is returned, to be sent back as
/// `Authorization: Basic <content>`. Throws AuthenticationError for a missing or malformed
/// header, a file elsewhere, too large or unreadable (naming the path, never the content).
std::string answerArcChallenge(const HttpResponse& challenge, const std::string& keyDirectory);

}  // namespace msgraph::detail
