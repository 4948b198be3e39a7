// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <utility>

#include "state/data_file_lock.hpp"
#include "state/state.hpp"

namespace emulator {

/// The emulator's state behind one mutex (httplib serves from a thread pool), optionally
/// persisted to a JSON file after every change.
class Store {
 public:
  /// A store without a file (nothing persisted) or with one (`--data FILE`).
  explicit Store(std::optional<std::filesystem::path> dataFile);

  /// Locks the data file for the store's lifetime (see DataFileLock) and loads it, if there is
  /// one; a missing file is an empty state.
  /// @throws std::runtime_error if another emulator holds the file, or it cannot be read or is
  /// not a valid state file.
  void load();

  /// Calls `reader(const State&)` under the lock and returns its result.
  template <typename F>
  auto read(F&& reader) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::forward<F>(reader)(static_cast<const State&>(state_));
  }

  /// Calls `change(State&)` on a copy of the state under the lock. If it returns true, the
  /// copy is written to the data file and then becomes the state, so a failed write leaves the
  /// state as it was and nothing unsaved is ever acknowledged.
  /// @throws std::runtime_error if the data file cannot be written.
  template <typename F>
  void update(F&& change) {
    std::lock_guard<std::mutex> lock(mutex_);
    State next = state_;
    if (!std::forward<F>(change)(next)) return;
    persist(next);
    state_ = std::move(next);
    ++writes_;
  }

  /// How many updates changed the state since the start: what a test checks to prove that a
  /// call wrote nothing (`"writes"` in `/emulator/stats`).
  std::uint64_t writes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return writes_;
  }

 private:
  void persist(const State& state) const;

  std::optional<std::filesystem::path> dataFile_;
  std::optional<DataFileLock> lock_;
  mutable std::mutex mutex_;
  State state_;
  std::uint64_t writes_ = 0;
};

}  // namespace emulator
