// SPDX-License-Identifier: MIT
#pragma once

// A fake process environment for the credentials that read variables
// (`TokenCredentialOptions::environment`): tests never change the real one.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace msgraph_test {

using Variables = std::map<std::string, std::string>;

inline std::function<std::optional<std::string>(std::string_view)> environmentOf(Variables vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    const auto found = vars.find(std::string(name));
    if (found == vars.end()) return std::nullopt;
    return found->second;
  };
}

}  // namespace msgraph_test
