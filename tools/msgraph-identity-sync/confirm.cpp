// SPDX-License-Identifier: MIT
#include "confirm.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <iostream>

#include "msgraph/ascii.hpp"
#include "terminal_text.hpp"
#include "text.hpp"

namespace msgraph_cli {

namespace {

constexpr std::size_t kMaxAnswer = 256;

class Terminal {
 public:
  Terminal() : fd_(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) {}
  ~Terminal() {
    if (fd_ >= 0) ::close(fd_);
  }
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  bool isOpen() const noexcept { return fd_ >= 0; }

  bool write(const std::string& text) const {
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  // One line, without its end; stops at end of input or kMaxAnswer bytes.
  std::string readLine() const {
    std::string line;
    char c = 0;
    while (line.size() < kMaxAnswer && ::read(fd_, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }

 private:
  int fd_;
};

}  // namespace

bool confirmOnTerminal(const std::string& action) {
  Terminal terminal;
  if (!terminal.isOpen()) {
    std::cerr << "msgraph-identity-sync: --confirm found no terminal to ask on\n";
    return false;
  }
  if (!terminal.write("Are you sure you want to perform this action?\n" + terminalSafe(action) +
                      "\n[y/N] ")) {
    return false;
  }
  const std::string line = terminal.readLine();
  const std::string_view answer = trimmed(line);
  return msgraph::asciiEqualsIgnoreCase(answer, "y") ||
         msgraph::asciiEqualsIgnoreCase(answer, "yes");
}

}  // namespace msgraph_cli
