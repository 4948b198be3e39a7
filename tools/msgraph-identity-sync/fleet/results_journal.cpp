// SPDX-License-Identifier: MIT
#include "fleet/results_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli_error.hpp"

namespace msgraph_cli::fleet {

ResultsJournal::ResultsJournal(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw UsageError("--results: cannot open '" + path + "': " + std::strerror(errno));
  }
  // A run killed while writing left its last line cut: end it, so that the next record is a
  // line of its own (the cut one stays unreadable, and its partner is done again).
  char last = '\n';
  const off_t size = ::lseek(fd_, 0, SEEK_END);
  if (size > 0 && ::pread(fd_, &last, 1, size - 1) == 1 && last != '\n') {
    line_ = "\n";
    writeAll();
  }
}

ResultsJournal::~ResultsJournal() {
  if (fd_ >= 0) ::close(fd_);
}

void ResultsJournal::append(const ResultRecord& record) {
  line_ = resultLine(record);
  line_.push_back('\n');
  writeAll();
}

void ResultsJournal::writeAll() {
  // One write for the whole line: with O_APPEND it lands whole at the end of the file. A short
  // write (a full disk) is finished by further writes; the line may then be cut if those fail.
  std::size_t written = 0;
  while (written < line_.size()) {
    const ssize_t n = ::write(fd_, line_.data() + written, line_.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw CliError(kExitOutput, "--results: cannot write to '" + path_ +
                                      "': " + std::strerror(n < 0 ? errno : ENOSPC));
    }
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace msgraph_cli::fleet
