#include "policy_schema.hpp"

#include <algorithm>

#include "msgraph/error.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

constexpr std::string_view kTypeAnnotation = "@odata.type";
constexpr std::string_view kPolicyType = "microsoft.graph.crossTenantIdentitySyncPolicyPartner";
constexpr std::string_view kSyncAllowed = "isSyncAllowed";

struct PropertySpec {
  std::string_view name;
  bool betaOnly;
  bool readOnly;                 // refused in a body (tenantId is handled on its own)
  std::string_view complexType;  // empty for primitive properties
};

// In the order Graph writes them (the documented GET and restore examples).
constexpr PropertySpec kProperties[] = {
    {"tenantId", false, false, ""},
    {"displayName", false, false, ""},
    {"deletedDateTime", true, true, ""},
    {"externalCloudAuthorizedApplicationId", true, false, ""},
    {"userSyncInbound", false, false, "microsoft.graph.crossTenantUserSyncInbound"},
    {"groupSyncInbound", true, false, "microsoft.graph.crossTenantGroupSyncInbound"},
};

const PropertySpec* findSpec(std::string_view name, ApiVersion version) {
  for (const PropertySpec& spec : kProperties) {
    if (spec.name == name && (version == ApiVersion::Beta || !spec.betaOnly)) return &spec;
  }
  return nullptr;
}

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
    const PropertySpec* spec = findSpec(key, version);
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

std::string_view versionSegment(ApiVersion version) {
  return version == ApiVersion::V1 ? "v1.0" : "beta";
}

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
    if (findSpec(name, version) == nullptr) return name;
  }
  return std::nullopt;
}

JsonObject presentPolicy(const JsonObject& stored, const std::string& partnerId, ApiVersion version,
                         const std::vector<std::string>& select) {
  JsonObject out;
  for (const PropertySpec& spec : kProperties) {
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
