// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "json/json_pointer.hpp"
#include "json/json_writer.hpp"
#include "json/sax_parse.hpp"
#include "models/model_fields.hpp"
#include "msgraph/models/property_name.hpp"

namespace msgraph::detail {

template <typename Model>
void writeModel(JsonWriter& writer, const Model& model, const PathNode& at);

inline void writeValue(JsonWriter& writer, const std::string& text, const PathNode& at) {
  writer.string(text, at);
}
inline void writeValue(JsonWriter& writer, bool flag, const PathNode&) { writer.boolean(flag); }
template <typename Model>
void writeValue(JsonWriter& writer, const Model& nested, const PathNode& at) {
  writeModel(writer, nested, at);  // recursion bounded by the schema, not by input
}

// The typed property that `key` names, or nullptr.
template <typename Model>
const char* typedPropertyNamed(const Model& model, std::string_view key) {
  const char* typed = nullptr;
  Fields<Model>::each(
      [&](const char* name, const auto&) {
        if (typed == nullptr && models::namesProperty(key, name)) typed = name;
      },
      model);
  return typed;
}

/// Writes set properties in declaration order (absent ones are skipped, null ones written as
/// null), then the additional properties, refusing any that shadow a typed property.
template <typename Model>
void writeModel(JsonWriter& writer, const Model& model, const PathNode& at) {
  writer.startObject();
  Fields<Model>::each(
      [&](const char* name, const auto& property) {
        if (property.isAbsent()) return;
        const PathNode here{&at, name};
        writer.propertyKey(name);
        if (property.isNull()) {
          writer.null();
        } else {
          writeValue(writer, *property, here);
        }
      },
      model);
  for (const auto& [key, value] : model.additionalProperties) {
    const PathNode here{&at, key};
    if (const char* typed = typedPropertyNamed(model, key)) {
      throw ValidationError(here.toString(), std::string("is in additionalProperties but names ") +
                                                 "the typed property " + typed + " of " +
                                                 Fields<Model>::kName +
                                                 " (property names are case-insensitive); set "
                                                 "the typed property instead");
    }
    writer.key(key, here);
    writer.value(value, here);
  }
  writer.endObject();
}

/// The model as compact JSON, no deeper than fromJson reads.
template <typename Model>
std::string modelToJson(const Model& model) {
  std::string out;
  out.reserve(128);
  JsonWriter writer(out, effectiveDepth(JsonParseOptions{}));
  writeModel(writer, model, PathNode{});
  return out;
}

/// Typed properties and additional properties all equal.
template <typename Model>
bool modelsEqual(const Model& a, const Model& b) {
  bool equal = a.additionalProperties == b.additionalProperties;
  Fields<Model>::each([&](const char*, const auto& x, const auto& y) { equal = equal && x == y; },
                      a, b);
  return equal;
}

}  // namespace msgraph::detail
