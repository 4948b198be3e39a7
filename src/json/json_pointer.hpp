// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace msgraph::detail {

/// Appends `/token` to a JSON pointer, escaping `~` and `/` as RFC 6901 says.
void appendPointerToken(std::string& pointer, std::string_view token);

/// A JSON pointer built on the stack while serializing: each level points at its parent, so
/// nothing is allocated unless an error needs the pointer as text. The root node has no parent.
struct PathNode {
  const PathNode* parent = nullptr;
  std::string_view token;

  /// The pointer from the root to this node, e.g. `/userSyncInbound/isSyncAllowed`.
  std::string toString() const;
  /// The number of tokens from the root to this node: a container here is at level levels()+1.
  std::size_t levels() const noexcept;
};

}  // namespace msgraph::detail
