// SPDX-License-Identifier: MIT
// The emulator's own reading of a policy body, written over the generic JSON value from the
// schema table alone, so that it checks the library's requests instead of agreeing with the
// library's model by construction.
#include "graph/policy_body_check.hpp"

#include "graph/policy_schema.hpp"
#include "msgraph/error.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

BodyProblem invalidProperty(std::string_view name, std::string_view type) {
  return {"Invalid property '" + std::string(name) + "' on type '" + std::string(type) + "'."};
}

std::optional<BodyProblem> checkTypeAnnotation(const Json& value, std::string_view type) {
  if (value.isString()) {
    std::string_view given = value.asString();
    if (!given.empty() && given.front() == '#') given.remove_prefix(1);
    if (given == type) return std::nullopt;
  }
  return BodyProblem{"The value of '@odata.type' must be '#" + std::string(type) + "'."};
}

std::optional<BodyProblem> checkComplexMembers(const JsonObject& object, std::string_view type) {
  for (const auto& [key, value] : object) {
    if (key == kTypeAnnotation) {
      if (auto problem = checkTypeAnnotation(value, type)) return problem;
    } else if (key != kSyncAllowed) {
      return invalidProperty(key, type);
    }
  }
  return std::nullopt;
}

std::optional<BodyProblem> checkMembers(const JsonObject& body, ApiVersion version) {
  for (const auto& [key, value] : body) {
    if (key == kTypeAnnotation) {
      if (auto problem = checkTypeAnnotation(value, kPolicyType)) return problem;
      continue;
    }
    const PropertySpec* spec = findProperty(key, version);
    if (spec == nullptr) return invalidProperty(key, kPolicyType);
    if (spec->readOnly) {
      return BodyProblem{"The property '" + key + "' is read-only and cannot be set."};
    }
    if (!spec->complexType.empty() && value.isObject()) {
      if (auto problem = checkComplexMembers(value.asObject(), spec->complexType)) return problem;
    }
  }
  return std::nullopt;
}

// What a value is, in the words of the type errors.
const char* kindOf(const Json& value) {
  if (value.isNull()) return "null";
  if (value.isBool()) return "a boolean";
  if (value.isNumber()) return "a number";
  if (value.isString()) return "a string";
  if (value.isArray()) return "an array";
  return "an object";
}

BodyProblem typeError(const std::string& pointer, const char* expected, const Json& value) {
  return {"JSON value at '" + pointer + "' expected " + expected + ", got " + kindOf(value)};
}

// Every property is nullable; a string property takes a string, a complex one an object whose
// `isSyncAllowed` is a boolean. Run after checkMembers, so every name here is known.
std::optional<BodyProblem> checkTypes(const JsonObject& body, ApiVersion version) {
  for (const auto& [key, value] : body) {
    const PropertySpec* spec = findProperty(key, version);
    if (spec == nullptr || value.isNull()) continue;  // annotations are checked by checkMembers
    const std::string pointer = "/" + key;
    if (spec->complexType.empty()) {
      if (!value.isString()) return typeError(pointer, "a string or null", value);
      continue;
    }
    if (!value.isObject()) return typeError(pointer, "an object or null", value);
    const Json* allowed = value.find(kSyncAllowed);
    if (allowed != nullptr && !allowed->isNull() && !allowed->isBool()) {
      return typeError(pointer + "/" + std::string(kSyncAllowed), "a boolean or null", *allowed);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<BodyProblem> checkPolicyBody(std::string_view text, ApiVersion version,
                                           const std::string& partnerId, JsonObject& parsed) {
  Json body;
  try {
    body = Json::parse(text);
  } catch (const msgraph::DeserializationError& e) {
    return BodyProblem{e.what()};
  }
  if (!body.isObject()) {
    return BodyProblem{"The request body must be a JSON object of type '" +
                       std::string(kPolicyType) + "'."};
  }
  // Names before types: an unknown or read-only property anywhere is reported before a value
  // of the wrong type.
  if (auto problem = checkMembers(body.asObject(), version)) return problem;
  if (auto problem = checkTypes(body.asObject(), version)) return problem;
  const Json* tenantId = body.find("tenantId");
  if (tenantId != nullptr && tenantId->isString() && tenantId->asString() != partnerId) {
    return BodyProblem{
        "The property 'tenantId' is read-only and differs from the partner id in "
        "the request URL ('" +
        tenantId->asString() + "' vs '" + partnerId + "')."};
  }
  parsed = std::move(body.asObject());
  return std::nullopt;
}

}  // namespace emulator
