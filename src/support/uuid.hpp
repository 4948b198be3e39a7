// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace msgraph::detail {

/// A random (version 4) UUID from the kernel's CSPRNG (getrandom), in the canonical 8-4-4-4-12
/// form.
std::string newUuid();

}  // namespace msgraph::detail
