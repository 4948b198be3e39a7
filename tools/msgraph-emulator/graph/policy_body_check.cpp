#include "graph/policy_body_check.hpp"

#include "graph/policy_schema.hpp"
#include "msgraph/error.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

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
  if (auto problem = checkMembers(body.asObject(), version)) return problem;
  // The library's model knows every property's JSON type and names the offending pointer.
  try {
    msgraph::models::IdentitySyncPolicyPartner::fromJson(text);
  } catch (const msgraph::DeserializationError& e) {
    return BodyProblem{e.what()};
  }
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
