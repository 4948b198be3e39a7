// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/headers.hpp"

namespace emulator {

/// Whether the request's `If-Match` (absent, `*`, or a list of ETags) allows a write to a
/// resource whose ETag is `etag` (nullptr: the resource does not exist).
bool ifMatchAllows(const Headers& headers, const std::string* etag);

}  // namespace emulator
