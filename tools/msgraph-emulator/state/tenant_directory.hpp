// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace emulator {

/// The tenants the token endpoint serves (`--tenant NAME`) and the other names they go by
/// (`--tenant NAME=ALIAS`). Each tenant keeps its own partners and deleted items, under its key:
/// its name in lower case, as a token's tenant is kept (GUIDs and domain names compare ignoring
/// case). An alias signs in to the tenant it names and so reaches the same policies.
struct TenantDirectory {
  /// The tenants as first registered; empty (and no aliases) means any tenant is served.
  std::vector<std::string> names;
  /// By alias, in lower case: the key of the tenant it names.
  std::map<std::string, std::string> aliases;

  /// Whether the token endpoint serves `name`.
  bool serves(std::string_view name) const;

  /// The key of the tenant `name` signs in to: its alias target, or itself in lower case.
  std::string keyOf(std::string_view name) const;
};

}  // namespace emulator
