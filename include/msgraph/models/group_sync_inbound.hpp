// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/property.hpp"

namespace msgraph::models {

/// @brief `crossTenantGroupSyncInbound` (beta): whether groups may be synchronized in from the
/// partner.
///
/// Open type: keys the model does not know are kept in `additionalProperties` and written back
/// after the typed properties.
struct MSGRAPH_API GroupSyncInbound {
  /// @brief Whether group objects are synchronized from the partner tenant. `false` stops any
  /// current synchronization; groups already synchronized are not affected.
  Property<bool> isSyncAllowed;
  /// @brief Keys not modelled above, in insertion order. A key that names a typed property (in any
  /// case, see `namesProperty`) is a `ValidationError` when serializing.
  JsonObject additionalProperties;

  /// @brief Reads the model from a JSON object.
  /// @throws DeserializationError for invalid JSON or a typed field of the wrong type (the
  /// error names the JSON pointer, e.g. `/isSyncAllowed`).
  static GroupSyncInbound fromJson(std::string_view json);
  /// @brief Writes the model as compact JSON: set properties, then `additionalProperties`.
  /// @throws ValidationError for an `additionalProperties` key that collides with a typed
  /// property, a string that is not UTF-8, or a non-finite number.
  std::string toJson() const;
  /// @brief The JSON names of the typed properties, in serialization order (what
  /// `additionalProperties` must not repeat). Tools match keys to it with `namesProperty`.
  static const std::vector<std::string_view>& propertyNames();

  /// @brief Equal properties and additional properties.
  friend MSGRAPH_API bool operator==(const GroupSyncInbound& a, const GroupSyncInbound& b);
  /// @brief Not `==`.
  friend bool operator!=(const GroupSyncInbound& a, const GroupSyncInbound& b) { return !(a == b); }
};

}  // namespace msgraph::models
