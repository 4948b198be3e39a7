// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include "msgraph/error.hpp"

namespace msgraph {

/// @brief The outcome of a call made with `send()`: a value or the error that prevented it.
///
/// `send()` never throws for validation, service, transport, authentication or
/// deserialization failures; it returns them here. The error keeps its dynamic type, so
/// `dynamic_cast<const ServiceError*>(&result.error())` works, and `value()` on a failed result
/// throws that same error.
///
/// @code
/// auto result = sync.get().send();
/// if (!result.ok()) { std::cerr << result.error().what() << "\n"; return; }
/// use(result.value());
/// @endcode
template <typename T>
class Result {
 public:
  /// @brief A successful result.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  /// @brief A failed result.
  Result(std::shared_ptr<const Error> error) : error_(std::move(error)) {}  // NOLINT

  /// @brief Whether the call succeeded.
  bool ok() const noexcept { return value_.has_value(); }
  /// @brief Same as `ok()`.
  explicit operator bool() const noexcept { return ok(); }

  /// @brief The value. @throws the stored error (as its own type) if the call failed.
  const T& value() const& {
    if (!ok()) error_->raise();
    return *value_;
  }
  /// @brief The value. @throws the stored error (as its own type) if the call failed.
  T& value() & {
    if (!ok()) error_->raise();
    return *value_;
  }
  /// @brief The value, moved out. @throws the stored error (as its own type) if the call failed.
  T&& value() && {
    if (!ok()) error_->raise();
    return std::move(*value_);
  }
  /// @brief The error; precondition: `!ok()`.
  const Error& error() const noexcept { return *error_; }
  /// @brief The error as a shared pointer (null when `ok()`), to keep or rethrow later.
  const std::shared_ptr<const Error>& errorPtr() const noexcept { return error_; }

 private:
  std::optional<T> value_;
  std::shared_ptr<const Error> error_;
};

}  // namespace msgraph
