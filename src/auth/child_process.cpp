// SPDX-License-Identifier: MIT
#include "auth/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "msgraph/error.hpp"

extern char** environ;

namespace msgraph::detail {

namespace {

using Clock = std::chrono::steady_clock;

// The longest a poll waits when the call can be cancelled: how soon a cancellation is seen.
constexpr std::chrono::milliseconds kCancellationCheck{100};

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      throw AuthenticationError(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    read = fds[0];
    write = fds[1];
  }
  ~Pipe() {
    closeRead();
    closeWrite();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void closeRead() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void closeWrite() {
    if (write >= 0) ::close(write);
    write = -1;
  }
};

struct SpawnSetup {
  posix_spawn_file_actions_t actions{};
  posix_spawnattr_t attributes{};
  SpawnSetup(const Pipe& out, const Pipe& err) {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    // Its own process group, so that a timeout kills what it started too; default signal
    // dispositions and an empty mask, whatever the caller's threads block or ignore.
    sigset_t none;
    sigemptyset(&none);
    sigset_t all;
    sigfillset(&all);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setflags(
        &attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// Reads what is there from `fd` into `into`; false at end of file.
bool drain(int fd, std::string& into, std::size_t limit, bool& tooLarge) {
  char buffer[16 * 1024];
  const ssize_t got = ::read(fd, buffer, sizeof buffer);
  if (got < 0) return errno == EINTR || errno == EAGAIN;
  if (got == 0) return false;
  if (into.size() + static_cast<std::size_t>(got) > limit) {
    tooLarge = true;
    return false;
  }
  into.append(buffer, static_cast<std::size_t>(got));
  return true;
}

int pollTimeout(Clock::time_point deadline, const CallContext& context) {
  auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (context.cancellation()) wait = std::min(wait, kCancellationCheck);
  return static_cast<int>(std::max<long long>(wait.count(), 0));
}

// Reaps `pid`. A child that closed its output but goes on running is killed at the deadline;
// between checks it is given a few milliseconds (the usual case: it is exiting just now).
int waitForExit(pid_t pid, Clock::time_point deadline, ProcessOutcome& outcome) {
  constexpr int kRecheckMs = 5;
  int status = 0;
  bool killed = false;
  for (;;) {
    const pid_t ended = ::waitpid(pid, &status, killed ? 0 : WNOHANG);
    if (ended == pid || (ended < 0 && errno != EINTR)) return status;
    if (ended != 0) continue;
    if (Clock::now() >= deadline || outcome.cancelled || outcome.outputTooLarge ||
        outcome.timedOut) {
      outcome.timedOut = outcome.timedOut || (!outcome.cancelled && !outcome.outputTooLarge);
      ::kill(-pid, SIGKILL);
      killed = true;
      continue;
    }
    ::poll(nullptr, 0, kRecheckMs);
  }
}

}  // namespace

ProcessOutcome runProcess(const std::string& program, const std::vector<std::string>& arguments,
                          Clock::time_point deadline, std::size_t maxOutput,
                          const CallContext& context) {
  Pipe out;
  Pipe err;
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  {
    const SpawnSetup setup(out, err);
    const int failed = ::posix_spawn(&pid, program.c_str(), &setup.actions, &setup.attributes,
                                     argv.data(), environ);
    if (failed != 0) {
      throw AuthenticationError("cannot run " + program + ": " + std::strerror(failed));
    }
  }
  out.closeWrite();
  err.closeWrite();
  ProcessOutcome outcome;
  pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
  std::string* sinks[2] = {&outcome.output, &outcome.errors};
  bool stop = false;
  while (!stop && (fds[0].fd >= 0 || fds[1].fd >= 0)) {
    if (Clock::now() >= deadline) {
      outcome.timedOut = stop = true;
      break;
    }
    if (context.isCancelled()) {
      outcome.cancelled = stop = true;
      break;
    }
    const int ready = ::poll(fds, 2, pollTimeout(deadline, context));
    if (ready < 0 && errno != EINTR) stop = true;
    for (int i = 0; i < 2 && ready > 0; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      if (!drain(fds[i].fd, *sinks[i], maxOutput, outcome.outputTooLarge)) fds[i].fd = -1;
      stop = outcome.outputTooLarge;
    }
  }
  if (stop) ::kill(-pid, SIGKILL);
  const int status = waitForExit(pid, deadline, outcome);
  // The child has ended; what it started may still run in its group: end that too.
  if (stop || outcome.timedOut) ::kill(-pid, SIGKILL);
  stop = stop || outcome.timedOut;
  if (!stop && WIFEXITED(status)) outcome.exitCode = WEXITSTATUS(status);
  return outcome;
}

std::optional<std::string> findExecutable(std::string_view name, std::string_view path) {
  while (!path.empty()) {
    const std::size_t colon = std::min(path.find(':'), path.size());
    const std::string_view directory = path.substr(0, colon);
    path.remove_prefix(colon < path.size() ? colon + 1 : colon);
    if (directory.empty()) continue;
    std::string candidate(directory);
    candidate.append("/").append(name);
    struct stat status {};
    if (::stat(candidate.c_str(), &status) == 0 && S_ISREG(status.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

}  // namespace msgraph::detail
