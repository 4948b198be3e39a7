// SPDX-License-Identifier: MIT
#pragma once

// Child processes for integration tests: the emulator (kept running, stopped with SIGTERM) and
// the command-line tool (run to completion, its output and exit code captured).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace testing_support {

/// What a finished process printed and returned.
struct Outcome {
  int exitCode = -1;
  std::string out;
  std::string err;
};

namespace detail {

inline std::vector<char*> argvOf(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

inline std::string drain(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;)
    text.append(buffer, static_cast<size_t>(n));
  close(fd);
  return text;
}

}  // namespace detail

/// The sign-in variables every run() starts with, after the test's own `env` (which wins):
/// none of the AZURE_*, IDENTITY_* or MSGRAPH_ACCESS_TOKEN values of the machine the tests run
/// on, IMDS (AZURE_POD_IDENTITY_AUTHORITY_HOST, which the tool honours) at a closed port of
/// 127.0.0.1, and a PATH without `az`. So a test of the tool's default chain fails fast with
/// the chain's error and never reaches 169.254.169.254, a real tenant or a real Azure CLI.
inline const std::vector<std::string>& sealedSignIn() {
  static const std::vector<std::string> sealed = {
      "MSGRAPH_ACCESS_TOKEN=",
      "AZURE_TENANT_ID=",
      "AZURE_CLIENT_ID=",
      "AZURE_CLIENT_SECRET=",
      "AZURE_CLIENT_CERTIFICATE_PATH=",
      "AZURE_CLIENT_CERTIFICATE_PASSWORD=",
      "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN=",
      "AZURE_FEDERATED_TOKEN_FILE=",
      "AZURE_AUTHORITY_HOST=",
      "IDENTITY_ENDPOINT=",
      "IDENTITY_HEADER=",
      "IMDS_ENDPOINT=",
      "AZURE_POD_IDENTITY_AUTHORITY_HOST=http://127.0.0.1:1",
      "PATH=/nonexistent"};
  return sealed;
}

namespace detail {

/// Starts `args` with `actions` (destroyed here) and `env`, then sealedSignIn(), then the
/// test's environment; getenv finds the first of a name, so the test's `env` wins.
/// @throws std::runtime_error if it cannot start.
inline pid_t spawn(std::vector<std::string>& args, posix_spawn_file_actions_t& actions,
                   const std::vector<std::string>& env) {
  std::vector<std::string> environment(env);
  environment.insert(environment.end(), sealedSignIn().begin(), sealedSignIn().end());
  for (char** e = environ; *e != nullptr; ++e) environment.emplace_back(*e);
  auto argv = argvOf(args);
  auto envp = argvOf(environment);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
  return pid;
}

/// The exit code a wait `status` says, or 128 + the signal that killed the child.
inline int exitCodeIn(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Waits for `pid`; its exit code, or 128 + the signal that killed it.
inline int exitCodeOf(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return exitCodeIn(status);
}

}  // namespace detail

/// Where a child's stdout goes: a pipe the test reads (Outcome::out), a full disk, or nowhere.
enum class StdoutTo { Pipe, DevFull, Closed };

/// Runs `args` to completion with `input` on stdin and `env` added to the environment (then
/// sealedSignIn()), its stdout sent `to` a pipe (or, to test failed output, to /dev/full or closed:
/// `out` is empty).
inline Outcome run(std::vector<std::string> args, const std::string& input = {},
                   const std::vector<std::string>& env = {}, StdoutTo to = StdoutTo::Pipe) {
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  if (to == StdoutTo::Pipe) {
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  } else if (to == StdoutTo::DevFull) {
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/full", O_WRONLY, 0);
  } else {
    posix_spawn_file_actions_addclose(&actions, 1);
  }
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  for (int fd : {in[1], out[0], err[0]}) posix_spawn_file_actions_addclose(&actions, fd);
  const pid_t pid = detail::spawn(args, actions, env);
  for (int fd : {in[0], out[1], err[1]}) close(fd);
  std::thread writer([&] {
    if (!input.empty() && write(in[1], input.data(), input.size()) < 0) perror("write");
    close(in[1]);
  });
  Outcome outcome;
  std::thread errReader([&] { outcome.err = detail::drain(err[0]); });
  outcome.out = detail::drain(out[0]);
  errReader.join();
  writer.join();
  outcome.exitCode = detail::exitCodeOf(pid);
  return outcome;
}

/// A long-running child: started with its stdout on a pipe, stopped (SIGTERM, then waited for)
/// when destroyed.
class Daemon {
 public:
  explicit Daemon(std::vector<std::string> args) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    auto argv = detail::argvOf(args);
    const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
    stdout_ = fdopen(out[0], "r");
  }
  /// Starts `args` in the background as run() would (`env`, then sealedSignIn()), its stdout on
  /// /dev/null: a run of the tool the test interrupts.
  Daemon(std::vector<std::string> args, const std::vector<std::string>& env) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_ = detail::spawn(args, actions, env);
  }
  ~Daemon() {
    stop(SIGTERM);  // a test that failed before the child ended
    if (stdout_ != nullptr) fclose(stdout_);
  }
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  /// The child's process id (0 once it has been stopped).
  pid_t pid() const { return pid_; }

  /// The next line the child printed (without the newline), or "" at end of output.
  std::string readLine() {
    char buffer[1024];
    if (fgets(buffer, sizeof buffer, stdout_) == nullptr) return {};
    std::string line(buffer);
    if (!line.empty() && line.back() == '\n') line.pop_back();
    return line;
  }
  /// Sends `signal` and waits (at most 5 s, then SIGKILL, so a test never hangs on a child
  /// that ignores it); returns the exit code (128 + signal if killed).
  int stop(int signal) {
    if (pid_ <= 0) return exitCode_;
    signal_(signal);
    return wait(std::chrono::seconds(5));
  }
  /// Sends `signal` and goes on (the child keeps running unless the signal ends it).
  void signal_(int signal) const {
    if (pid_ > 0) kill(pid_, signal);
  }
  /// Whether the child has ended (then `wait` returns its exit code at once).
  bool exited() {
    if (pid_ <= 0) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == 0) return false;
    pid_ = 0;
    exitCode_ = detail::exitCodeIn(status);
    return true;
  }
  /// Waits for the child to end (at most `bound`, then SIGKILL: a bound on a failing test);
  /// returns the exit code (128 + signal if killed).
  int wait(std::chrono::milliseconds bound) {
    if (pid_ <= 0) return exitCode_;
    int status = 0;
    const auto giveUp = std::chrono::steady_clock::now() + bound;
    bool killed = false;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (!killed && std::chrono::steady_clock::now() > giveUp) {
        kill(pid_, SIGKILL);
        killed = true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = 0;
    exitCode_ = detail::exitCodeIn(status);
    return exitCode_;
  }

 private:
  pid_t pid_ = 0;
  int exitCode_ = -1;
  FILE* stdout_ = nullptr;
};

}  // namespace testing_support
