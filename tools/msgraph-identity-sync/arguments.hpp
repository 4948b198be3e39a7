// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "command_spec.hpp"
#include "msgraph/cloud.hpp"
#include "msgraph/http/call_context.hpp"

namespace msgraph_cli {

/// The whole command's bound without --deadline: room for the default retries' waits (three
/// of at most 180 s, --retry-after-max) and their attempts, never an unbounded hang.
inline constexpr std::chrono::seconds kDefaultDeadline{600};

/// How results are printed.
enum class OutputFormat { Json, Text };

/// The command line, parsed and checked: the verb, its parameter set, and the interpreted
/// common options. Inputs that need reading (JSON, files, environment) stay raw in `raw`.
struct Arguments {
  const VerbSpec* verb = nullptr;  // null with `raw.help`: the tool's own help
  const ParameterSetSpec* parameterSet = nullptr;
  RawOptions raw;
  OutputFormat output = OutputFormat::Json;
  msgraph::ApiVersion apiVersion = msgraph::ApiVersion::V1_0;
  msgraph::Cloud cloud = msgraph::Cloud::Global;
  std::optional<std::chrono::milliseconds> timeout;
  /// When the command must be done by (--deadline from the start, kDefaultDeadline without
  /// it): every request of the verb gets it.
  msgraph::CallContext::Clock::time_point deadline;
  std::optional<int> maxRetries;
  std::optional<std::chrono::milliseconds> retryAfterMax;
  std::vector<std::pair<std::string, std::string>> headers;  // name, value
};

/// Parses `msgraph-identity-sync <verb> [options]`. With `--help` anywhere, returns at once with
/// `raw.help` set (and `verb` null for the tool's help); with `--version` as the verb, with
/// `raw.version` set.
/// @throws UsageError for anything the tool cannot act on.
Arguments parseArguments(int argc, const char* const* argv);

}  // namespace msgraph_cli
