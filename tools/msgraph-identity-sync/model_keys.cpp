// SPDX-License-Identifier: MIT
#include "model_keys.hpp"

#include "cli_error.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/models/group_sync_inbound.hpp"
#include "msgraph/models/identity.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/models/inbound_outbound_policy_configuration.hpp"
#include "msgraph/models/property_name.hpp"
#include "msgraph/models/user_sync_inbound.hpp"

namespace msgraph_cli {

namespace {

KeySchema flat(const std::vector<std::string_view>& names) {
  KeySchema schema;
  for (std::string_view name : names) schema.push_back({name, {}});
  return schema;
}

const KeyNode* findKey(const KeySchema& schema, std::string_view key) {
  for (const KeyNode& node : schema) {
    if (msgraph::models::namesProperty(key, node.name)) return &node;
  }
  return nullptr;
}

}  // namespace

const KeySchema& identityKeys() {
  static const KeySchema keys = flat(msgraph::models::Identity::propertyNames());
  return keys;
}

const KeySchema& userSyncInboundKeys() {
  static const KeySchema keys = flat(msgraph::models::UserSyncInbound::propertyNames());
  return keys;
}

const KeySchema& policyPartnerKeys() {
  // The nested typed objects get their own keys; the rest are plain properties.
  static const KeySchema keys = [] {
    KeySchema schema = flat(msgraph::models::IdentitySyncPolicyPartner::propertyNames());
    for (KeyNode& node : schema) {
      if (node.name == "userSyncInbound") node.children = userSyncInboundKeys();
      if (node.name == "groupSyncInbound") {
        node.children = flat(msgraph::models::GroupSyncInbound::propertyNames());
      }
    }
    return schema;
  }();
  return keys;
}

const KeySchema& partnerKeys() {
  static const KeySchema keys = [] {
    using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
    KeySchema schema = flat(Partner::propertyNames());
    for (KeyNode& node : schema) {
      if (node.name == "automaticUserConsentSettings") {
        node.children = flat(msgraph::models::InboundOutboundPolicyConfiguration::propertyNames());
      }
      if (node.name == "identitySynchronization") node.children = policyPartnerKeys();
    }
    return schema;
  }();
  return keys;
}

msgraph::Json canonicalKeys(const msgraph::Json& object, const KeySchema& schema,
                            std::string_view option, const std::string& pointer) {
  if (!object.isObject()) return object;
  msgraph::Json result = msgraph::Json::object();
  for (const auto& [key, value] : object.asObject()) {
    const KeyNode* node = findKey(schema, key);
    const std::string name = node != nullptr ? std::string(node->name) : key;
    if (result.find(name) != nullptr) {
      throw UsageError(std::string(option) + ": '" + pointer + "/" + name +
                       "' is given twice (keys are case-insensitive)");
    }
    const bool nested = node != nullptr && !node->children.empty();
    result.set(name,
               nested ? canonicalKeys(value, node->children, option, pointer + "/" + name) : value);
  }
  return result;
}

}  // namespace msgraph_cli
