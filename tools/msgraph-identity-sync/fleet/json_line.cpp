// SPDX-License-Identifier: MIT
#include "fleet/json_line.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli_error.hpp"
#include "fleet/item_checks.hpp"
#include "model_keys.hpp"
#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/models/property_name.hpp"
#include "read_only_keys.hpp"

namespace msgraph_cli::fleet {

namespace {

using msgraph::Json;
using msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
using msgraph::models::IdentitySyncPolicyPartner;

constexpr const char* kPolicyKey = "identitySynchronization";

// The keys of a line that are not partner properties.
struct LineKeys {
  const Json* partnerTenantId = nullptr;
  const Json* tenant = nullptr;
  const Json* policy = nullptr;
  Json partner = Json::object();
};

// Sets `slot` to `value`, refusing a second key with the same name in another case.
void take(const Json*& slot, const Json& value, const char* name) {
  if (slot != nullptr) {
    throw BadLineError(name, "is given twice (keys are case-insensitive)");
  }
  slot = &value;
}

LineKeys splitKeys(const Json& line) {
  LineKeys keys;
  for (const auto& [key, value] : line.asObject()) {
    if (msgraph::models::namesProperty(key, "partnerTenantId")) {
      take(keys.partnerTenantId, value, "partnerTenantId");
    } else if (msgraph::models::namesProperty(key, "tenant")) {
      take(keys.tenant, value, "tenant");
    } else if (msgraph::models::namesProperty(key, kPolicyKey)) {
      take(keys.policy, value, kPolicyKey);
    } else {
      keys.partner.asObject().set(key, value);
    }
  }
  return keys;
}

std::string requiredString(const Json* value, const char* name) {
  if (value == nullptr) throw BadLineError(name, "is required");
  if (!value->isString()) throw BadLineError(name, "must be a string");
  return value->asString();
}

// `json` as a model: keys spelled as the model spells them (two spellings of one key are a
// bad line), read by the library, whose errors name the JSON pointer under `at`.
template <typename Model>
Model readModel(const Json& json, std::initializer_list<std::string_view> readOnly,
                const KeySchema& schema, const std::string& at) {
  std::vector<std::string> dropped;  // read-only keys are left out as --body-parameter does
  const Json kept = withoutReadOnlyKeys(json, readOnly, dropped);
  try {
    return Model::fromJson(canonicalKeys(kept, schema, at).dump());
  } catch (const UsageError& error) {  // "<at>: '<pointer>' is given twice ..."
    const std::string message = error.what();
    throw BadLineError(at.empty() ? "line" : at, message.substr(message.find(": ") + 2));
  } catch (const msgraph::DeserializationError& error) {
    throw BadLineError(fieldName(at, error.pointer()), error.reason());
  }
}

}  // namespace

DesiredItem readJsonLine(std::string_view text, std::size_t line) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const msgraph::DeserializationError& error) {
    throw BadLineError("line", error.reason());
  }
  if (!json.isObject()) throw BadLineError("line", "must be a JSON object");
  const LineKeys keys = splitKeys(json);
  DesiredItem item;
  item.line = line;
  const std::string partnerTenantId = requiredString(keys.partnerTenantId, "partnerTenantId");
  checkId(partnerTenantId, "partnerTenantId");
  if (keys.tenant != nullptr) {
    item.tenant = requiredString(keys.tenant, "tenant");
    checkId(item.tenant, "tenant");
  }
  item.partner = readModel<CrossTenantAccessPolicyConfigurationPartner>(
      keys.partner, {"tenantId", "isInMultiTenantOrganization"}, partnerKeys(), "");
  item.partner.tenantId = partnerTenantId;
  if (keys.policy != nullptr) {
    if (!keys.policy->isObject()) throw BadLineError(kPolicyKey, "must be a JSON object");
    item.policy = readModel<IdentitySyncPolicyPartner>(
        *keys.policy, {"tenantId", "deletedDateTime"}, policyPartnerKeys(), kPolicyKey);
  }
  checkWritable(item);
  return item;
}

}  // namespace msgraph_cli::fleet
