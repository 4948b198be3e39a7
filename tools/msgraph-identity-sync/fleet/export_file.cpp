// SPDX-License-Identifier: MIT
#include "fleet/export_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "cli_error.hpp"

namespace msgraph_cli::fleet {

ExportFile::ExportFile(std::string option, std::string path)
    : option_(std::move(option)), path_(std::move(path)) {
  // Beside the target, so that the final move is a rename within one file system.
  std::vector<char> name(path_.begin(), path_.end());
  const std::string suffix = ".tmp.XXXXXX";
  name.insert(name.end(), suffix.begin(), suffix.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) fail("cannot create a file beside");
  temp_ = name.data();
  file_ = ::fdopen(fd, "w");
  if (file_ == nullptr) {
    ::close(fd);
    fail("cannot write");
  }
}

ExportFile::~ExportFile() {
  if (file_ != nullptr) std::fclose(file_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void ExportFile::fail(const std::string& what) const {
  const int error = errno;
  throw CliError(kExitOutput, option_ + ": " + what + " '" + path_ + "': " + std::strerror(error));
}

void ExportFile::writeLine(std::string_view line) {
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() ||
      std::fputc('\n', file_) == EOF) {
    fail("cannot write");
  }
}

void ExportFile::commit(bool replace) {
  const bool written = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!written || !closed) fail("cannot write");
  if (replace) {
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) fail("cannot move the new file to");
    committed_ = true;
    return;
  }
  // link() fails if the target exists: a file created meanwhile is never replaced.
  if (::link(temp_.c_str(), path_.c_str()) != 0) {
    if (errno == EEXIST) {
      throw UsageError(option_ + ": '" + path_ + "' exists; give --force to replace it");
    }
    fail("cannot move the new file to");
  }
  ::unlink(temp_.c_str());
  committed_ = true;
}

}  // namespace msgraph_cli::fleet
