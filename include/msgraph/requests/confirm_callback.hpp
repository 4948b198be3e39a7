// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include "msgraph/http/http_request.hpp"

namespace msgraph {

/// @brief Decides whether a prepared request may be sent: the `-Confirm` analog.
///
/// Sees the exact request that would be sent (the `Authorization` value redacted) and returns
/// `true` to send it, `false` to decline. A declined call sends nothing, throws nothing, and
/// returns a response with `declined == true`.
using ConfirmCallback = std::function<bool(const HttpRequest& request)>;

}  // namespace msgraph
