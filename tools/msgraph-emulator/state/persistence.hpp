// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "state/state.hpp"

namespace emulator {

/// Reads a state file written by saveState. A missing file is an empty state. A file of format
/// version 4 or older kept one store for every tenant: its partners and deleted policies become
/// the policies of the first tenant the file names or, if it names none, of `legacyOwner`.
/// @throws std::runtime_error naming the file and the problem if it cannot be read or parsed,
/// or if an older file holds policies and names no tenant and `legacyOwner` is empty.
State loadState(const std::filesystem::path& file, const std::optional<std::string>& legacyOwner);

/// Writes `state` so that a crash at any moment leaves either the old or the new file: the
/// JSON goes to `FILE.tmp` (mode 0600, it holds client secrets), which is fsynced, renamed
/// over FILE, and then the directory is fsynced so the rename itself is durable.
/// @throws std::runtime_error naming the failing step.
void saveState(const std::filesystem::path& file, const State& state);

}  // namespace emulator
