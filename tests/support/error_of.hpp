// SPDX-License-Identifier: MIT
#pragma once

// The typed error of a failed `send()`, for tests that check what went wrong.
#include <catch2/catch.hpp>

#include "msgraph/result.hpp"

namespace msgraph_test {

/// Requires `result` to hold an `E` and returns a copy of it (a copy, so that it outlives the
/// temporary `Result` it came from).
template <typename E, typename T>
E errorOf(const msgraph::Result<T>& result) {
  REQUIRE_FALSE(result.ok());
  const auto* error = dynamic_cast<const E*>(&result.error());
  REQUIRE(error != nullptr);
  return *error;
}

}  // namespace msgraph_test
