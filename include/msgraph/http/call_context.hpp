#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/http/cancellation_token.hpp"

namespace msgraph {

struct RetryOptions;
struct Attempt;

/// @brief Per-call settings that every policy and the transport see.
///
/// A `CallContext` is made by a request's `send()`/`execute()` from its per-call options and
/// the client's defaults. Transports read `timeout()` to bound one attempt, and stop a transfer
/// when `cancellation()` is cancelled or `deadline()` passes.
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
  /// @brief Retry options of this call that replace the client's, if any.
  const RetryOptions* retryOverride() const noexcept { return retryOverride_; }
  /// @brief Sets the per-call retry options (the pointee must outlive the call).
  CallContext& retryOverride(const RetryOptions* value) noexcept {
    retryOverride_ = value;
    return *this;
  }
  /// @brief Where the retry policy records each attempt, if anyone listens.
  std::vector<Attempt>* attempts() const noexcept { return attempts_; }
  /// @brief Sets the attempt record (the pointee must outlive the call).
  CallContext& attempts(std::vector<Attempt>* value) noexcept {
    attempts_ = value;
    return *this;
  }
  /// @brief True while a request is only being prepared for `whatIf()` or a confirm callback:
  /// policies must not do I/O (no token request) and nothing will be sent.
  bool isPreview() const noexcept { return preview_; }
  /// @brief Marks the context as a preview (see `isPreview()`).
  CallContext& preview(bool value) noexcept {
    preview_ = value;
    return *this;
  }

 private:
  std::optional<std::chrono::milliseconds> timeout_;
  std::optional<Clock::time_point> deadline_;
  std::optional<CancellationToken> cancellation_;
  const RetryOptions* retryOverride_ = nullptr;
  std::vector<Attempt>* attempts_ = nullptr;
  bool preview_ = false;
};

}  // namespace msgraph
