// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

namespace emulator {

/// The body of the oversize fault, a valid JSON document of exactly `bytes` bytes:
/// `{"@odata.context":"<baseUrl>/v1.0/$metadata#oversizeFault","padding":"xxx…"}`, or, when
/// `bytes` is too small for that object, a JSON number of `bytes` digits.
std::string oversizeBody(std::size_t bytes, const std::string& baseUrl);

}  // namespace emulator
