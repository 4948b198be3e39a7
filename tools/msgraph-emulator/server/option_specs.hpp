// SPDX-License-Identifier: MIT
#pragma once

// The command line as data: every flag once, with its value placeholder, its help and its
// setter. parseOptions and usageText both read this table, so a flag is described exactly once.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/options.hpp"

namespace emulator {

/// Where help lists a flag.
enum class OptionGroup { Listening, Behaviour, Workloads, Faults, Throttling, General };

/// Checks and stores a flag's value.
/// @throws UsageError naming `flag` for a bad value.
using ValueSetter = void (*)(Options& options, const std::string& flag, const std::string& value);
/// A flag whose value may be left out (`--flag`, `--flag=VALUE`, or `--flag VALUE` when VALUE
/// does not start with `-`): its setter gets an empty value when there is none.
struct OptionalValue {
  ValueSetter setter;
};
/// How a flag is stored: a switch sets its member to true; a flag with a value (or an optional
/// one) calls its setter.
using OptionSetter = std::variant<bool Options::*, ValueSetter, OptionalValue>;

/// One command-line flag.
struct OptionSpec {
  std::string_view name;       // e.g. "--port"
  std::string_view valueName;  // e.g. "N"; empty for a switch
  OptionGroup group;
  std::string_view help;
  OptionSetter setter;
};

/// Every flag, in help order.
const std::vector<OptionSpec>& optionSpecs();
/// The flag named `name` (with its leading `--`), or null.
const OptionSpec* findOption(std::string_view name);
/// The heading of `group` in help text; empty for the general flags, which have none.
std::string_view groupTitle(OptionGroup group);

}  // namespace emulator
