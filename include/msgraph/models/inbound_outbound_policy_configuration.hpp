// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/property.hpp"

namespace msgraph::models {

/// @brief `inboundOutboundPolicyConfiguration`: a pair of inbound and outbound switches, as a
/// partner configuration's `automaticUserConsentSettings` holds them (whether users are consented
/// automatically to cross-tenant synchronization, in each direction).
///
/// Open type: keys the model does not know are kept in `additionalProperties` and written back
/// after the typed properties.
struct MSGRAPH_API InboundOutboundPolicyConfiguration {
  /// @brief The inbound direction (from the partner into this tenant).
  Property<bool> inboundAllowed;
  /// @brief The outbound direction (from this tenant to the partner).
  Property<bool> outboundAllowed;
  /// @brief Keys not modelled above, in insertion order. A key that names a typed property (in any
  /// case, see `namesProperty`) is a `ValidationError` when serializing.
  JsonObject additionalProperties;

  /// @brief Reads the model from a JSON object.
  /// @throws DeserializationError for invalid JSON or a typed field of the wrong type (the
  /// error names the JSON pointer, e.g. `/inboundAllowed`).
  static InboundOutboundPolicyConfiguration fromJson(std::string_view json);
  /// @brief Writes the model as compact JSON: set properties, then `additionalProperties`.
  /// @throws ValidationError for an `additionalProperties` key that collides with a typed
  /// property, a string that is not UTF-8, or a non-finite number.
  std::string toJson() const;
  /// @brief The JSON names of the typed properties, in serialization order.
  static const std::vector<std::string_view>& propertyNames();
  /// @brief Equal properties and additional properties.
  friend MSGRAPH_API bool operator==(const InboundOutboundPolicyConfiguration& a,
                                     const InboundOutboundPolicyConfiguration& b);
  /// @brief Not `==`.
  friend bool operator!=(const InboundOutboundPolicyConfiguration& a,
                         const InboundOutboundPolicyConfiguration& b) {
    return !(a == b);
  }
};

}  // namespace msgraph::models
