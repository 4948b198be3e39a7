// SPDX-License-Identifier: MIT
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "cli_error.hpp"
#include "command_spec.hpp"
#include "msgraph/ascii.hpp"

namespace msgraph_cli {

/// The choice that `value` names (case-insensitively) among `choices`, for the option stored
/// in `member`. @throws UsageError listing the option's accepted values otherwise.
template <typename T>
T choose(ValueMember member, const std::string& value,
         std::initializer_list<std::pair<std::string_view, T>> choices) {
  for (const auto& [name, choice] : choices) {
    if (msgraph::asciiEqualsIgnoreCase(value, name)) return choice;
  }
  throw UsageError(optionName(member) + ": '" + value + "' is not one of " +
                   std::string(optionFor(member).valueName));
}

/// The true|false option stored in `member`, if given.
/// @throws UsageError for another value.
inline std::optional<bool> boolOption(const RawOptions& raw, ValueMember member) {
  if (!(raw.*member)) return std::nullopt;
  return choose<bool>(member, *(raw.*member), {{"true", true}, {"false", false}});
}

}  // namespace msgraph_cli
