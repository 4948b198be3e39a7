// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>

namespace emulator {

/// An exclusive lock on a data file, held while the object lives, so that a second emulator on
/// the same file refuses to start instead of replacing the first one's changes with its own.
///
/// The lock is an flock(2) on the sibling `FILE.lock` (created with mode 0600 if absent, never
/// through a symbolic link, and left in place: removing it would let two emulators lock two
/// different files of that name). It cannot be on FILE itself, which every write replaces by a
/// rename. The system releases it when the process ends, however it ends.
class DataFileLock {
 public:
  /// Takes the lock without waiting.
  /// @throws std::runtime_error naming the data file if another process holds the lock, or
  /// naming the lock file and the system's reason if it cannot be opened or locked.
  explicit DataFileLock(const std::filesystem::path& dataFile);
  ~DataFileLock();
  DataFileLock(const DataFileLock&) = delete;
  DataFileLock& operator=(const DataFileLock&) = delete;

 private:
  int fd_;
};

}  // namespace emulator
