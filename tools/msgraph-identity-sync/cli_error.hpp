// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace msgraph_cli {

/// The tool's exit codes, one per class of failure, so that scripts can branch on them. The
/// table that --help and the README show is exitCodeTable(); exitCodeOf() classifies the
/// library's errors.
enum ExitCode : int {
  kExitSuccess = 0,
  kExitServiceError = 1,      // Graph answered with an error status (other than 401)
  kExitUsage = 2,             // bad command line or input, files included; nothing was sent
  kExitAuthentication = 3,    // no usable token: refused, unusable, or Graph's 401
  kExitTransport = 4,         // no complete answer from Graph or the token endpoint (TLS, ...)
  kExitDeclined = 5,          // --confirm was answered with no
  kExitUnreadableAnswer = 6,  // Graph's successful answer could not be read
  kExitOutput = 7,            // the result could not be written to standard output
  kExitDrift = 8,             // drift: the tenants differ from the desired state
  kExitBadLines = 9,          // plan, drift: bad lines of the desired-state file were skipped
  kExitItemsFailed = 10,      // apply: some partners failed (recorded), the others were done
  kExitInterrupted = 11,      // apply: stopped by SIGINT before every partner was done
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
