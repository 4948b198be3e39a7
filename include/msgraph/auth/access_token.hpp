// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief A bearer token and when it stops being valid.
struct MSGRAPH_API AccessToken {
  /// @brief The token, sent as `Authorization: Bearer <token>`. A secret: never log it.
  std::string token;
  /// @brief When the token expires.
  std::chrono::system_clock::time_point expiresOn;
};

}  // namespace msgraph
