// SPDX-License-Identifier: MIT
#include "state/data_file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace emulator {

DataFileLock::DataFileLock(const std::filesystem::path& dataFile) {
  const std::string lockFile = dataFile.string() + ".lock";
  fd_ = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw std::runtime_error("cannot open the lock file " + lockFile + ": " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  const int error = errno;
  ::close(fd_);
  if (error == EWOULDBLOCK) {
    throw std::runtime_error("data file " + dataFile.string() +
                             " is in use by another msgraph-emulator (it holds " + lockFile +
                             "); stop that one or give another --data file");
  }
  throw std::runtime_error("cannot lock " + lockFile + ": " + std::strerror(error));
}

DataFileLock::~DataFileLock() { ::close(fd_); }

}  // namespace emulator
