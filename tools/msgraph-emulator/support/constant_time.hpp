// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace emulator {

/// Whether `given` equals `expected`, compared in time independent of where they differ, so
/// that response timing does not reveal how much of a guessed secret was right (the length
/// may still show).
bool constantTimeEquals(std::string_view given, std::string_view expected);

}  // namespace emulator
