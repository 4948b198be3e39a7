// SPDX-License-Identifier: MIT
#include "fleet/planner.hpp"

#include <optional>
#include <string_view>
#include <vector>

#include "msgraph/json/json.hpp"
#include "msgraph/models/model_difference.hpp"
#include "msgraph/models/property_name.hpp"

namespace msgraph_cli::fleet {

namespace {

using msgraph::Json;
using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
using Policy = msgraph::models::IdentitySyncPolicyPartner;

// The member of `object` that `key` names, as the models match names (ASCII case ignored).
const Json* member(const Json& object, std::string_view key) {
  if (!object.isObject()) return nullptr;
  for (const auto& [name, value] : object.asObject()) {
    if (msgraph::models::namesProperty(name, key)) return &value;
  }
  return nullptr;
}

// The value at `pointer` (as models::difference writes them: `/a/b`, names unescaped), or
// none when a step is absent.
std::optional<Json> valueAt(const Json& json, const std::string& pointer) {
  const Json* at = &json;
  for (std::size_t start = 1; start <= pointer.size() && at != nullptr;) {
    const std::size_t slash = std::min(pointer.find('/', start), pointer.size());
    at = member(*at, std::string_view(pointer).substr(start, slash - start));
    start = slash + 1;
  }
  if (at == nullptr) return std::nullopt;
  return *at;
}

// Each differing property with its value now and as the PATCH would write it.
template <typename Model>
std::vector<PropertyChange> changesOf(const msgraph::models::Difference<Model>& difference,
                                      const Model& current) {
  const Json now = Json::parse(current.toJson());
  const Json patch = Json::parse(difference.patch.toJson());
  std::vector<PropertyChange> changes;
  for (const std::string& pointer : difference.changed) {
    changes.push_back({pointer, valueAt(now, pointer), valueAt(patch, pointer)});
  }
  return changes;
}

// Every property a created resource is created with (the partner's key excluded).
std::vector<PropertyChange> createdWith(const std::string& body) {
  const Json created = Json::parse(body);
  std::vector<PropertyChange> changes;
  for (const auto& [key, value] : created.asObject()) {
    if (key != "tenantId") changes.push_back({"/" + key, std::nullopt, value});
  }
  return changes;
}

void putPolicy(const Policy& policy, PlanItem& item) {
  std::string body = policy.toJson();
  item.policyChanges = createdWith(body);
  item.writes.push_back({WriteKind::PutPolicy, std::move(body)});
}

}  // namespace

PlanItem planPartner(const DesiredItem& desired, const Partner* current) {
  PlanItem item;
  item.tenant = desired.tenant;
  item.partnerTenantId = desired.partnerTenantId();
  item.line = desired.line;
  if (current == nullptr) {  // a new partner has no policy: both are created, unread
    item.action = PlanAction::Create;
    std::string body = desired.partner.toJson();
    item.partnerChanges = createdWith(body);
    item.writes.push_back({WriteKind::CreatePartner, std::move(body)});
    if (desired.policy) putPolicy(*desired.policy, item);
    return item;
  }
  const auto partner = msgraph::models::difference(desired.partner, *current);
  if (!partner.empty()) {
    item.partnerChanges = changesOf(partner, *current);
    item.writes.push_back({WriteKind::PatchPartner, partner.patch.toJson()});
  }
  item.action = item.writes.empty() ? PlanAction::Unchanged : PlanAction::Update;
  if (!desired.policy) return item;
  if (!current->identitySynchronization.hasValue()) {
    putPolicy(*desired.policy, item);
    item.action = PlanAction::Create;
    return item;
  }
  const auto policy =
      msgraph::models::difference(*desired.policy, *current->identitySynchronization);
  if (!policy.empty()) {
    item.policyChanges = changesOf(policy, *current->identitySynchronization);
    item.writes.push_back({WriteKind::PatchPolicy, policy.patch.toJson()});
    item.action = PlanAction::Update;
  }
  return item;
}

PlanItem planRemoval(const Partner& current, const std::string& tenant) {
  PlanItem item;
  item.action = PlanAction::Remove;
  item.tenant = tenant;
  item.partnerTenantId = current.tenantId.valueOr("");
  if (current.identitySynchronization.hasValue()) {
    item.writes.push_back({WriteKind::DeletePolicy, {}});
  }
  item.writes.push_back({WriteKind::DeletePartner, {}});
  return item;
}

}  // namespace msgraph_cli::fleet
