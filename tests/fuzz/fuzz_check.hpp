// SPDX-License-Identifier: MIT
#pragma once

#include <cstdio>
#include <cstdlib>

/// @file
/// The one assertion the fuzz targets share: a broken property must crash, whatever NDEBUG says,
/// so that libFuzzer records the input.

namespace msgraph_fuzz {

[[noreturn]] inline void fail(const char* property) {
  std::fprintf(stderr, "fuzz property violated: %s\n", property);
  std::abort();
}

inline void check(bool holds, const char* property) {
  if (!holds) fail(property);
}

}  // namespace msgraph_fuzz
