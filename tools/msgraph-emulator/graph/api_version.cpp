// SPDX-License-Identifier: MIT
#include "graph/api_version.hpp"

namespace emulator {

std::string_view versionSegment(ApiVersion version) {
  return version == ApiVersion::V1 ? "v1.0" : "beta";
}

}  // namespace emulator
