// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "msgraph/http/call_context.hpp"

namespace msgraph::detail {

/// How a child process ended and what it wrote.
struct ProcessOutcome {
  int exitCode = -1;            // the exit status, or -1 when it was killed or died of a signal
  bool timedOut = false;        // killed at the deadline
  bool cancelled = false;       // killed because the call was cancelled
  bool outputTooLarge = false;  // killed for writing more than the limit
  std::string output;           // stdout
  std::string errors;           // stderr
};

/// Runs `program` (a path) with `arguments`, without a shell, in a process group of its own,
/// stdin from /dev/null and the process's environment; collects stdout and stderr (each up to
/// `maxOutput` bytes). At `deadline`, on the call's cancellation, or past `maxOutput`, the whole
/// group is killed (SIGKILL), so a hung child and whatever it started are gone when this
/// returns. Throws AuthenticationError if the process cannot be started.
ProcessOutcome runProcess(const std::string& program, const std::vector<std::string>& arguments,
                          std::chrono::steady_clock::time_point deadline, std::size_t maxOutput,
                          const CallContext& context);

/// The first executable file `name` in the directories of `path` (`PATH`'s colon-separated
/// form; empty entries are skipped, not taken as the working directory).
std::optional<std::string> findExecutable(std::string_view name, std::string_view path);

}  // namespace msgraph::detail
