// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_call.hpp"

namespace emulator {

/// `<base>/<version>/$metadata#` followed by `fragment`.
std::string odataContext(const GraphCall& call, std::string_view fragment);

/// An OData key literal: `'id'`, with quotes inside doubled.
std::string odataKey(std::string_view id);

/// The names of a `$select=a, b` value, trimmed, empty ones dropped.
std::vector<std::string> splitCommaList(std::string_view value);

}  // namespace emulator
