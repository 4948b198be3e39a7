// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "graph/graph_call.hpp"

namespace emulator {

/// `<base>/<version>/$metadata#` followed by `fragment`.
std::string odataContext(const GraphCall& call, std::string_view fragment);

/// An OData key literal: `'id'`, with quotes inside doubled.
std::string odataKey(std::string_view id);

}  // namespace emulator
