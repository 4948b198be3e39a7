// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace emulator {

/// The Graph API version of a request; beta knows more properties than v1.0.
enum class ApiVersion { V1, Beta };

/// The path segment of a version (`v1.0`, `beta`).
std::string_view versionSegment(ApiVersion version);

}  // namespace emulator
