// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include "msgraph/export.hpp"
#include "msgraph/http/cancellation_token.hpp"

namespace msgraph {

/// @brief What a transport needs to know about the call it sends for: the seam's per-call
/// settings, seen by every policy and the transport.
///
/// A `CallContext` is made by a request's `send()`/`execute()` from its per-call options and
/// the client's defaults. Transports read `timeout()` to bound one attempt, and stop a transfer
/// when `cancellation()` is cancelled or `deadline()` passes. What only the pipeline needs (a
/// per-call retry override, the attempt record, whether the call is a preview) is kept by the
/// pipeline itself, not here.
class MSGRAPH_API CallContext {
 public:
  /// @brief The clock deadlines are measured on.
  using Clock = std::chrono::steady_clock;

  /// @brief A context with no timeout, no deadline and no cancellation, for a real call.
  CallContext() = default;

  /// @brief The total time one attempt may take (connect + transfer), if bounded.
  std::optional<std::chrono::milliseconds> timeout() const noexcept { return timeout_; }
  /// @brief Sets the per-attempt timeout.
  CallContext& timeout(std::optional<std::chrono::milliseconds> value) noexcept {
    timeout_ = value;
    return *this;
  }
  /// @brief When the whole call (every attempt and every wait) must be over, if bounded.
  std::optional<Clock::time_point> deadline() const noexcept { return deadline_; }
  /// @brief Sets the call's deadline.
  CallContext& deadline(std::optional<Clock::time_point> value) noexcept {
    deadline_ = value;
    return *this;
  }
  /// @brief The cancellation token of the call, if any.
  const std::optional<CancellationToken>& cancellation() const noexcept { return cancellation_; }
  /// @brief Sets the cancellation token.
  CallContext& cancellation(std::optional<CancellationToken> value) {
    cancellation_ = std::move(value);
    return *this;
  }
  /// @brief Whether the call was cancelled.
  bool isCancelled() const noexcept { return cancellation_ && cancellation_->isCancelled(); }

 private:
  std::optional<std::chrono::milliseconds> timeout_;
  std::optional<Clock::time_point> deadline_;
  std::optional<CancellationToken> cancellation_;
};

}  // namespace msgraph
