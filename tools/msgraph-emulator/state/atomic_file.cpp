// SPDX-License-Identifier: MIT
#include "state/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "support/random.hpp"

namespace emulator {
namespace {

// A collision of 72 random bits means someone else made the name: a few tries are plenty.
constexpr int kNameAttempts = 8;

[[noreturn]] void failErrno(const std::string& step, const std::filesystem::path& path) {
  throw std::runtime_error(step + " " + path.string() + ": " + std::strerror(errno));
}

// Creates a temporary file beside `file` that did not exist before, without following a link.
int createTemporary(const std::filesystem::path& file, std::filesystem::path& temporary) {
  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    temporary = file.string() + ".tmp-" + randomBase64Url(9);
    const int fd =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno != EEXIST) failErrno("create", temporary);
  }
  failErrno("create", temporary);
}

void writeAll(int fd, const std::string& text, const std::filesystem::path& temporary) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) failErrno("write", temporary);
    done += static_cast<std::size_t>(n);
  }
}

// Writes `text`, fsyncs and closes `fd`, which is closed on failure too.
void writeAndClose(int fd, const std::string& text, const std::filesystem::path& temporary) {
  try {
    writeAll(fd, text, temporary);
    if (::fsync(fd) != 0) failErrno("fsync", temporary);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) failErrno("close", temporary);
}

void fsyncFolder(const std::filesystem::path& file) {
  std::filesystem::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) failErrno("open for fsync", folder);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) failErrno("fsync", folder);
}

}  // namespace

void replaceFileAtomically(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::path temporary;
  const int fd = createTemporary(file, temporary);
  try {
    writeAndClose(fd, text, temporary);
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
      failErrno("rename " + temporary.string() + " to", file);
    }
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  fsyncFolder(file);
}

}  // namespace emulator
