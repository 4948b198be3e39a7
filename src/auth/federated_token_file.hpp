// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace msgraph::detail {

/// The longest federated token file read: Kubernetes service account tokens are 1-2 KB.
inline constexpr std::size_t kMaxFederatedTokenBytes = 64 * 1024;

/// The token in the file at `path` (surrounding whitespace removed), read anew each call so
/// that a rotated token is seen. Throws AuthenticationError naming the path and the reason
/// (cannot be opened, empty, larger than kMaxFederatedTokenBytes), never the file's content.
std::string readFederatedTokenFile(const std::string& path);

}  // namespace msgraph::detail
