// SPDX-License-Identifier: MIT
#pragma once

#include "cli_error.hpp"

/// @file
/// Output that fails is a failure: a result written to a full disk (`> /dev/full`) or to a
/// closed stdout (`>&-`) ends the run with exit 7 and a message, never exit 0.

namespace msgraph_cli {

/// Run first thing in main. A standard stream the tool was started without (`>&-`) gets a
/// descriptor that fails every write, as the closed one would, so that no file or socket the
/// tool opens later takes its number and receives the output.
void guardStandardStreams();

/// Flushes stdout; throws CliError(kExitOutput) `cannot write to standard output: <reason>` if
/// anything written so far did not reach it. Listings call it after each page, so that a
/// failed output ends them.
void flushStandardOutput();

/// The exit code once the run's output is flushed: `code`, or kExitOutput (after printing the
/// reason on stderr) when a successful run's output could not be written. A run that failed
/// otherwise keeps its own code; the reason is printed too.
int withOutputChecked(int code);

}  // namespace msgraph_cli
