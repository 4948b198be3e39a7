// SPDX-License-Identifier: MIT
#include "state/store.hpp"

#include "state/persistence.hpp"

namespace emulator {

Store::Store(std::optional<std::filesystem::path> dataFile) : dataFile_(std::move(dataFile)) {}

void Store::load(const std::optional<std::string>& legacyOwner) {
  if (!dataFile_) return;
  if (!lock_) lock_.emplace(*dataFile_);
  State loaded = loadState(*dataFile_, legacyOwner);
  std::lock_guard<std::mutex> lock(mutex_);
  state_ = std::move(loaded);
}

void Store::persist(const State& state) const {
  if (dataFile_) saveState(*dataFile_, state);
}

}  // namespace emulator
