// SPDX-License-Identifier: MIT
#pragma once

// What a PATCH must send to turn `current` into `desired`, property by property: ensure's
// comparison, public as models::difference.
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "models/model_fields.hpp"
#include "msgraph/models/property_name.hpp"

namespace msgraph::detail {

/// The properties a service sets and a PATCH cannot: never part of a difference.
inline bool isReadOnlyProperty(std::string_view name) {
  return name == "tenantId" || name == "deletedDateTime";
}

/// The value of the additional property that `key` names (ASCII case ignored, as Graph
/// matches property names), or null. An exact match is the usual case and costs one lookup.
inline const Json* findNamed(const JsonObject& object, std::string_view key) noexcept {
  if (const Json* exact = object.find(key)) return exact;
  for (const auto& [name, value] : object) {
    if (models::namesProperty(name, key)) return &value;
  }
  return nullptr;
}

/// Fills `patch` with the properties of `desired` that `current` lacks or holds otherwise, and
/// appends their JSON pointers (under `at`) to `changed`:
/// - a property absent from `desired` is left alone;
/// - an explicit null clears: it differs from any value, not from null or absence;
/// - a nested model is compared property by property, and only its differing properties are
///   sent (PATCH merges complex values);
/// - additional properties compare as JSON values, names matched ignoring ASCII case;
///   `@odata.*` annotations are ignored.
/// Returns whether anything differs.
template <typename Model>
bool diffModel(const Model& desired, const Model& current, Model& patch,
               std::vector<std::string>& changed, const std::string& at = {}) {
  bool differs = false;
  Fields<Model>::each(
      [&](const char* name, const auto& want, const auto& have, auto& out) {
        if (want.isAbsent() || isReadOnlyProperty(name)) return;
        const std::string pointer = at + "/" + name;
        if (want.isNull()) {
          if (!have.hasValue()) return;
          out.setNull();
        } else {
          using Value = std::decay_t<decltype(*want)>;
          if constexpr (std::is_same_v<Value, std::string> || std::is_same_v<Value, bool>) {
            if (have.hasValue() && *have == *want) return;
            out = *want;
          } else if (have.hasValue()) {
            Value nested;
            if (!diffModel(*want, *have, nested, changed, pointer)) return;
            out = std::move(nested);
            differs = true;
            return;  // the nested properties were named
          } else {
            out = *want;
          }
        }
        changed.push_back(pointer);
        differs = true;
      },
      desired, current, patch);
  for (const auto& [key, value] : desired.additionalProperties) {
    if (key.rfind("@odata.", 0) == 0) continue;
    const Json* have = findNamed(current.additionalProperties, key);
    if (have != nullptr && *have == value) continue;
    patch.additionalProperties.set(key, value);
    changed.push_back(at + "/" + key);
    differs = true;
  }
  return differs;
}

}  // namespace msgraph::detail
