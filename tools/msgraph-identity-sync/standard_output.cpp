// SPDX-License-Identifier: MIT
#include "standard_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace msgraph_cli {

void guardStandardStreams() {
  for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // Read-only: reading it is an empty stdin, and a write fails with EBADF.
    const int standIn = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (standIn == -1) continue;
    if (standIn != fd) {
      dup2(standIn, fd);
      close(standIn);
    } else {
      fcntl(fd, F_SETFD, 0);  // a standard stream stays open in children
    }
  }
}

void flushStandardOutput() {
  errno = 0;
  std::cout.flush();  // with stdio in sync, writes reach stdout's buffer
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout;
  if (!failed) return;
  const int reason = errno != 0 ? errno : EIO;
  std::clearerr(stdout);  // the message is given once, by whoever catches it
  std::cout.clear();
  throw CliError(kExitOutput,
                 std::string("cannot write to standard output: ") + std::strerror(reason));
}

int withOutputChecked(int code) {
  if (code == kExitOutput) return code;  // reported already, where it was found
  try {
    flushStandardOutput();
    return code;
  } catch (const CliError& error) {
    std::cerr << "msgraph-identity-sync: " << error.what() << '\n';
    return code == kExitSuccess ? error.code() : code;
  }
}

}  // namespace msgraph_cli
