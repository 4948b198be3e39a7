// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// A JSON number from its text, parsed by the C library instead of RapidJSON 1.1 (whose number
/// parser misreads huge exponents and, fuzzing showed, reads out of bounds on some). Integers
/// keep their exact 64-bit value; larger integers and fractions become correctly rounded
/// doubles; a magnitude beyond a double's range is nullopt (refused, not turned into infinity).
std::optional<Json> parseJsonNumber(std::string_view text);

}  // namespace msgraph::detail
