// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emulator {

/// Header list in arrival order; names are compared case-insensitively by findHeader.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// The value of the first header called `name` (any case), or nullptr.
const std::string* findHeader(const Headers& headers, std::string_view name);
/// Replaces every header called `name` (any case) with one `name: value`.
void setHeader(Headers& headers, std::string name, std::string value);

/// The media type of the `Content-Type` header, without parameters or surrounding whitespace
/// (`application/json` for `application/json; charset=utf-8`); empty without the header.
std::string_view mediaType(const Headers& headers);

}  // namespace emulator
