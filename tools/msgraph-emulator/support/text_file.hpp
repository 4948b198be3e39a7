// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace emulator {

/// Reads a whole file as text.
/// @throws std::runtime_error with the system's reason if the file cannot be read.
std::string readTextFile(const std::string& path);

}  // namespace emulator
