// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include "msgraph/export.hpp"

namespace msgraph {

namespace detail {
struct CancellationState;
}  // namespace detail

/// @brief Lets one thread cancel calls that others are making.
///
/// Copies share one state: cancel any copy and every call given any copy stops. A cancelled
/// blocking call wakes from any backoff wait at once (a condition variable) and aborts its
/// transfer at libcurl's next progress callback: at once while bytes flow, within about a second
/// on a connection that has gone silent (libcurl calls back at least once a second). An async
/// call (`sendAsync()`) is stopped at once, silent connection or not: the token wakes the event
/// loop through `subscribe`. The call then fails with `CancelledError`. Thread-safe; cancelling
/// twice is harmless; a token cannot be reset.
class MSGRAPH_API CancellationToken {
 public:
  /// @brief A new token that is not cancelled.
  CancellationToken();

  /// @brief Cancels every call that uses this token (or a copy), now and later. Runs the
  /// subscribed callbacks on this thread before it returns.
  void cancel() noexcept;
  /// @brief Whether `cancel()` was called.
  bool isCancelled() const noexcept;
  /// @brief Waits for `duration`, or less if the token is cancelled meanwhile.
  /// @return true if the token is cancelled.
  bool waitFor(std::chrono::milliseconds duration) const;

  /// @brief A callback registered with `subscribe`; destroying it unregisters the callback.
  ///
  /// After the destructor returns the callback is not running and never will: when it is
  /// running on another thread (the one that cancels), the destructor waits for it to return.
  class MSGRAPH_API Subscription {
   public:
    /// @brief A subscription to nothing.
    Subscription() = default;
    ~Subscription();
    /// @brief Takes over `other`'s registration.
    Subscription(Subscription&& other) noexcept;
    /// @brief Unregisters this one's callback, then takes over `other`'s.
    Subscription& operator=(Subscription&& other) noexcept;
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;

   private:
    friend class CancellationToken;
    void reset() noexcept;
    std::shared_ptr<detail::CancellationState> state_;
    std::uint64_t id_ = 0;
  };

  /// @brief Calls `callback` once when the token is cancelled, on the thread that cancels it, or
  /// at once on this thread if it already is. It must be quick and must not throw (an exception
  /// it throws is dropped); it typically wakes whatever waits for the call (an event loop).
  /// @return the registration; keep it while the callback may run.
  Subscription subscribe(std::function<void()> callback) const;

 private:
  std::shared_ptr<detail::CancellationState> state_;
};

}  // namespace msgraph
