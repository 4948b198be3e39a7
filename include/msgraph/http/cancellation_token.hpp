// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Lets one thread cancel calls that others are making.
///
/// Copies share one state: cancel any copy and every call given any copy stops. A cancelled call
/// wakes from any backoff wait at once (a condition variable) and aborts its transfer at libcurl's
/// next progress callback: at once while bytes flow, within about a second on a connection that
/// has gone silent (libcurl calls back at least once a second). It then fails with
/// `CancelledError`. Thread-safe; cancelling
/// twice is harmless; a token cannot be reset.
class MSGRAPH_API CancellationToken {
 public:
  /// @brief A new token that is not cancelled.
  CancellationToken();

  /// @brief Cancels every call that uses this token (or a copy), now and later.
  void cancel() noexcept;
  /// @brief Whether `cancel()` was called.
  bool isCancelled() const noexcept;
  /// @brief Waits for `duration`, or less if the token is cancelled meanwhile.
  /// @return true if the token is cancelled.
  bool waitFor(std::chrono::milliseconds duration) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace msgraph
