// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

namespace msgraph::models {

/// @brief A model property that is absent, explicitly null, or holds a value.
///
/// The three states serialize differently: absent omits the key, null writes `"key": null`
/// (which clears the value on the service, e.g. in a PATCH), a value writes the value. A
/// default-constructed property is absent.
///
/// @code
/// models::Property<bool> allowed;   // absent: not sent
/// allowed = true;                   // a value
/// allowed = nullptr;                // explicit null
/// allowed.reset();                  // absent again
/// @endcode
template <typename T>
class Property {
 public:
  /// @brief An absent property.
  Property() = default;
  /// @brief An explicit JSON null.
  Property(std::nullptr_t) noexcept : null_(true) {}  // NOLINT(google-explicit-constructor)
  /// @brief A value.
  Property(const T& value) : value_(value) {}  // NOLINT(google-explicit-constructor)
  /// @brief A value.
  Property(T&& value) noexcept(std::is_nothrow_move_constructible_v<T>)  // NOLINT
      : value_(std::move(value)) {}
  /// @brief Refused: a pointer or string literal would otherwise silently become `true` in a
  /// `Property<bool>`.
  template <typename P, std::enable_if_t<
                            std::is_same_v<T, bool> && std::is_pointer_v<std::decay_t<P>>, int> = 0>
  Property(P&&) = delete;
  /// @brief A value converted from `U` (e.g. a string literal for `Property<std::string>`).
  /// Not offered for `Property<bool>`, so that a pointer or string never becomes `true`.
  template <typename U,
            std::enable_if_t<!std::is_same_v<T, bool> && !std::is_same_v<std::decay_t<U>, T> &&
                                 !std::is_same_v<std::decay_t<U>, Property> &&
                                 !std::is_same_v<std::decay_t<U>, std::nullptr_t> &&
                                 std::is_constructible_v<T, U&&>,
                             int> = 0>
  Property(U&& value) : value_(std::in_place, std::forward<U>(value)) {}  // NOLINT

  /// @brief Whether the property is absent (its key is not sent).
  bool isAbsent() const noexcept { return !null_ && !value_.has_value(); }
  /// @brief Whether the property is an explicit null.
  bool isNull() const noexcept { return null_; }
  /// @brief Whether the property holds a value.
  bool hasValue() const noexcept { return value_.has_value(); }

  /// @brief The value. @throws std::bad_optional_access if absent or null.
  const T& value() const& { return value_.value(); }
  /// @brief The value. @throws std::bad_optional_access if absent or null.
  T& value() & { return value_.value(); }
  /// @brief The value, or `fallback` if absent or null.
  T valueOr(T fallback) const { return value_.value_or(std::move(fallback)); }
  /// @brief The value's members; precondition: `hasValue()`.
  const T* operator->() const noexcept { return &*value_; }
  /// @brief The value's members; precondition: `hasValue()`.
  T* operator->() noexcept { return &*value_; }
  /// @brief The value; precondition: `hasValue()`.
  const T& operator*() const noexcept { return *value_; }
  /// @brief The value; precondition: `hasValue()`.
  T& operator*() noexcept { return *value_; }

  /// @brief Makes the property hold a value built from `args`, and returns it.
  template <typename... Args>
  T& emplace(Args&&... args) {
    null_ = false;
    return value_.emplace(std::forward<Args>(args)...);
  }
  /// @brief Makes the property an explicit null.
  void setNull() noexcept {
    value_.reset();
    null_ = true;
  }
  /// @brief Makes the property absent.
  void reset() noexcept {
    value_.reset();
    null_ = false;
  }

  /// @brief Same state, and equal values when both hold one.
  friend bool operator==(const Property& a, const Property& b) {
    return a.null_ == b.null_ && a.value_ == b.value_;
  }
  /// @brief Not `==`.
  friend bool operator!=(const Property& a, const Property& b) { return !(a == b); }

 private:
  std::optional<T> value_;
  bool null_ = false;
};

}  // namespace msgraph::models
