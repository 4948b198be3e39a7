// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Whether `host` names this machine's loopback interface: `localhost` (any case), an
/// IPv4 address in 127.0.0.0/8, `::1`, or an IPv4-mapped `::ffff:127.x.y.z`; an IPv6 address may
/// come in brackets (`[::1]`, as in a URL). Any other name is not loopback, even one that a
/// resolver would map there.
///
/// The one loopback rule of the library (where `http://` service roots and
/// `insecureSkipTlsVerificationForLoopback` are allowed), its tool and its emulator (where it
/// may listen without `--allow-remote`).
MSGRAPH_API bool isLoopbackHost(std::string_view host) noexcept;

}  // namespace msgraph
