// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string_view>

namespace msgraph {

/// @brief How much a log line matters.
enum class LogLevel { Error, Warning, Info, Verbose };

/// @brief Receives the library's log lines. Lines never contain a secret: `Authorization`
/// values, tokens and client secrets are redacted before the logger sees them. Called on the
/// thread that makes the call; must be thread-safe if the client is shared.
using Logger = std::function<void(LogLevel level, std::string_view message)>;

}  // namespace msgraph
