#pragma once

#include <chrono>
#include <optional>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Per-call settings that every policy and the transport see.
///
/// A `CallContext` is made by a request's `send()`/`execute()` from its per-call options and
/// the client's defaults. Transports read `timeout()` to bound one attempt.
class MSGRAPH_API CallContext {
 public:
  /// @brief A context with no timeout, for a real call.
  CallContext() = default;

  /// @brief The total time one attempt may take (connect + transfer), if bounded.
  std::optional<std::chrono::milliseconds> timeout() const noexcept { return timeout_; }
  /// @brief Sets the per-attempt timeout.
  CallContext& timeout(std::optional<std::chrono::milliseconds> value) noexcept {
    timeout_ = value;
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
  bool preview_ = false;
};

}  // namespace msgraph
