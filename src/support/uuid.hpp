// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace msgraph::detail {

/// A random (version 4) UUID from OpenSSL's CSPRNG, in the canonical 8-4-4-4-12 form.
std::string newUuid();

}  // namespace msgraph::detail
