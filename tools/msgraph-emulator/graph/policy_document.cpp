// SPDX-License-Identifier: MIT
#include "graph/policy_document.hpp"

#include <algorithm>

#include "graph/policy_schema.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

Json withoutAnnotations(const Json& value) {
  if (!value.isObject()) return value;
  JsonObject copy;
  for (const auto& [key, member] : value.asObject()) {
    if (key != kTypeAnnotation) copy.set(key, member);
  }
  return copy;
}

Json presentComplex(const Json* stored) {
  if (stored == nullptr || !stored->isObject()) return nullptr;
  const Json* allowed = stored->find(kSyncAllowed);
  return Json::object({{std::string(kSyncAllowed), allowed != nullptr ? *allowed : Json()}});
}

}  // namespace

JsonObject storableProperties(const JsonObject& body) {
  JsonObject stored;
  for (const auto& [key, value] : body) {
    if (key != kTypeAnnotation && key != "tenantId") stored.set(key, withoutAnnotations(value));
  }
  return stored;
}

void mergePolicy(JsonObject& stored, const JsonObject& patch) {
  for (const auto& [key, value] : patch) {
    if (key == kTypeAnnotation || key == "tenantId") continue;
    Json* current = stored.find(key);
    if (current != nullptr && current->isObject() && value.isObject()) {
      for (const auto& [member, memberValue] : value.asObject()) {
        if (member != kTypeAnnotation) current->set(member, memberValue);
      }
    } else {
      stored.set(key, withoutAnnotations(value));
    }
  }
}

std::optional<std::string> unknownSelectedProperty(const std::vector<std::string>& names,
                                                   ApiVersion version) {
  for (const std::string& name : names) {
    if (findProperty(name, version) == nullptr) return name;
  }
  return std::nullopt;
}

JsonObject presentPolicy(const JsonObject& stored, const std::string& partnerId, ApiVersion version,
                         const std::vector<std::string>& select) {
  JsonObject out;
  for (const PropertySpec& spec : kPolicyProperties) {
    if (spec.betaOnly && version != ApiVersion::Beta) continue;
    if (!select.empty() && std::find(select.begin(), select.end(), spec.name) == select.end()) {
      continue;
    }
    const Json* value = stored.find(spec.name);
    if (spec.name == "tenantId") {
      out.set("tenantId", partnerId);
    } else if (!spec.complexType.empty()) {
      out.set(std::string(spec.name), presentComplex(value));
    } else {
      out.set(std::string(spec.name), value != nullptr ? *value : Json());
    }
  }
  return out;
}

}  // namespace emulator
