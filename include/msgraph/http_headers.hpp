// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief An ordered list of HTTP header fields with case-insensitive lookup.
///
/// Keeps the order and spelling in which fields were added (what a server sent, or what the
/// library will send). Names compare case-insensitively, as RFC 9110 says. Lookups are linear:
/// a request or response has a handful of headers, and a vector beats a map at that size.
class MSGRAPH_API HttpHeaders {
 public:
  /// @brief One header field: name and value.
  using Field = std::pair<std::string, std::string>;

  /// @brief No fields.
  HttpHeaders() = default;
  /// @brief These fields, in this order (taken as they are: no name is merged or checked).
  explicit HttpHeaders(std::vector<Field> fields) noexcept : fields_(std::move(fields)) {}

  /// @brief Adds a field, keeping any existing field of the same name (for repeatable headers).
  void add(std::string name, std::string value);
  /// @brief Replaces every field named `name` (any case) with one field, or adds it.
  void set(std::string_view name, std::string value);
  /// @brief Removes every field named `name` (any case); returns how many were removed.
  std::size_t remove(std::string_view name);
  /// @brief The value of the first field named `name` (any case), if any.
  std::optional<std::string_view> get(std::string_view name) const;
  /// @brief Whether a field named `name` (any case) is present.
  bool contains(std::string_view name) const { return get(name).has_value(); }
  /// @brief The number of fields.
  std::size_t size() const noexcept { return fields_.size(); }
  /// @brief Whether there are no fields.
  bool empty() const noexcept { return fields_.empty(); }
  /// @brief Removes every field.
  void clear() noexcept { fields_.clear(); }
  /// @brief Iteration over the fields in order.
  std::vector<Field>::const_iterator begin() const noexcept { return fields_.begin(); }
  /// @brief End of iteration.
  std::vector<Field>::const_iterator end() const noexcept { return fields_.end(); }
  /// @brief Reserves room for `n` fields.
  void reserve(std::size_t n) { fields_.reserve(n); }

 private:
  std::vector<Field> fields_;
};

}  // namespace msgraph
