// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace msgraph_cli {

/// The tool's exit codes, one per kind of outcome, so that scripts can branch on them.
enum ExitCode : int {
  kExitSuccess = 0,
  kExitServiceError = 1,  // Graph answered with an error, or an answer we could not read
  kExitUsage = 2,         // bad command line or input; nothing was sent
  kExitAuthentication = 3,
  kExitTransport = 4,
  kExitDeclined = 5,  // --confirm was answered with no
};

/// A failure of the tool itself (not of the library), with the exit code it ends with.
class CliError : public std::runtime_error {
 public:
  CliError(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

/// A command line or input the tool cannot act on: exit 2, nothing sent.
class UsageError : public CliError {
 public:
  explicit UsageError(const std::string& message) : CliError(kExitUsage, message) {}
};

}  // namespace msgraph_cli
