// SPDX-License-Identifier: MIT
#pragma once

// A child run with its stdout on a pseudo-terminal, as when a user types the command, for the
// checks that must see a real terminal (isatty) rather than a pipe.
#include <fcntl.h>
#include <stdlib.h>

#include "integration/process.hpp"

namespace testing_support {

/// What a process run on a terminal printed there and on stderr (a pipe), and returned.
struct TerminalOutcome {
  int exitCode = -1;
  std::string terminal;
  std::string err;
};

/// Runs `args` to completion with stdout on a new pseudo-terminal, stdin empty, `env` added to
/// the environment (then sealedSignIn(), as run() does).
inline TerminalOutcome runOnTerminal(std::vector<std::string> args,
                                     const std::vector<std::string>& env = {}) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
    throw std::runtime_error("no pseudo-terminal");
  }
  const int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
  int err[2];
  if (terminal < 0 || pipe(err) != 0) throw std::runtime_error("cannot open the terminal");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, terminal, 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  for (int fd : {master, terminal, err[0], err[1]}) posix_spawn_file_actions_addclose(&actions, fd);
  const pid_t pid = detail::spawn(args, actions, env);
  close(err[1]);
  TerminalOutcome outcome;
  outcome.err = detail::drain(err[0]);  // until the child exits and its stderr closes
  outcome.exitCode = detail::exitCodeOf(pid);
  close(terminal);  // what the child wrote stays readable on the master until drained
  fcntl(master, F_SETFL, O_NONBLOCK);
  char buffer[4096];
  for (ssize_t n; (n = read(master, buffer, sizeof buffer)) > 0;) {
    outcome.terminal.append(buffer, static_cast<std::size_t>(n));
  }
  close(master);
  return outcome;
}

}  // namespace testing_support
