// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief What happened on one attempt of a call: the record a caller reads to see why a call
/// took long or failed after retries.
struct MSGRAPH_API Attempt {
  /// @brief The HTTP status received, or 0 when no response arrived.
  int status = 0;
  /// @brief Why no response arrived (a transport error's message); empty when one did.
  std::string error;
  /// @brief The service's `request-id` of this attempt's response, if any.
  std::string requestId;
  /// @brief How long the call waited after this attempt before the next one: the planned wait,
  /// or the time actually waited when a cancellation cut the wait short; zero for the last.
  std::chrono::milliseconds delayAfter{0};
};

}  // namespace msgraph
