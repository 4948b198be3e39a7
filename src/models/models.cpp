// SPDX-License-Identifier: MIT
// fromJson, toJson and equality of every model, all driven by the field lists in
// model_fields.hpp.
#include "models/model_reader.hpp"
#include "models/model_writer.hpp"

namespace msgraph::models {

namespace {

template <typename Model>
const std::vector<std::string_view>& namesOf() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> list;
    const Model model;
    detail::Fields<Model>::each([&](const char* name, const auto&) { list.emplace_back(name); },
                                model);
    return list;
  }();
  return names;
}

}  // namespace

UserSyncInbound UserSyncInbound::fromJson(std::string_view json) {
  return detail::readModel<UserSyncInbound>(json);
}
std::string UserSyncInbound::toJson() const { return detail::modelToJson(*this); }
const std::vector<std::string_view>& UserSyncInbound::propertyNames() {
  return namesOf<UserSyncInbound>();
}
bool operator==(const UserSyncInbound& a, const UserSyncInbound& b) {
  return detail::modelsEqual(a, b);
}

GroupSyncInbound GroupSyncInbound::fromJson(std::string_view json) {
  return detail::readModel<GroupSyncInbound>(json);
}
std::string GroupSyncInbound::toJson() const { return detail::modelToJson(*this); }
const std::vector<std::string_view>& GroupSyncInbound::propertyNames() {
  return namesOf<GroupSyncInbound>();
}
bool operator==(const GroupSyncInbound& a, const GroupSyncInbound& b) {
  return detail::modelsEqual(a, b);
}

IdentitySyncPolicyPartner IdentitySyncPolicyPartner::fromJson(std::string_view json) {
  return detail::readModel<IdentitySyncPolicyPartner>(json);
}
std::string IdentitySyncPolicyPartner::toJson() const { return detail::modelToJson(*this); }
const std::vector<std::string_view>& IdentitySyncPolicyPartner::propertyNames() {
  return namesOf<IdentitySyncPolicyPartner>();
}
bool operator==(const IdentitySyncPolicyPartner& a, const IdentitySyncPolicyPartner& b) {
  return detail::modelsEqual(a, b);
}

InboundOutboundPolicyConfiguration InboundOutboundPolicyConfiguration::fromJson(
    std::string_view json) {
  return detail::readModel<InboundOutboundPolicyConfiguration>(json);
}
std::string InboundOutboundPolicyConfiguration::toJson() const {
  return detail::modelToJson(*this);
}
const std::vector<std::string_view>& InboundOutboundPolicyConfiguration::propertyNames() {
  return namesOf<InboundOutboundPolicyConfiguration>();
}
bool operator==(const InboundOutboundPolicyConfiguration& a,
                const InboundOutboundPolicyConfiguration& b) {
  return detail::modelsEqual(a, b);
}

CrossTenantAccessPolicyConfigurationPartner CrossTenantAccessPolicyConfigurationPartner::fromJson(
    std::string_view json) {
  return detail::readModel<CrossTenantAccessPolicyConfigurationPartner>(json);
}
std::string CrossTenantAccessPolicyConfigurationPartner::toJson() const {
  return detail::modelToJson(*this);
}
const std::vector<std::string_view>& CrossTenantAccessPolicyConfigurationPartner::propertyNames() {
  return namesOf<CrossTenantAccessPolicyConfigurationPartner>();
}
bool operator==(const CrossTenantAccessPolicyConfigurationPartner& a,
                const CrossTenantAccessPolicyConfigurationPartner& b) {
  return detail::modelsEqual(a, b);
}

Identity Identity::fromJson(std::string_view json) { return detail::readModel<Identity>(json); }
std::string Identity::toJson() const { return detail::modelToJson(*this); }
const std::vector<std::string_view>& Identity::propertyNames() { return namesOf<Identity>(); }
bool operator==(const Identity& a, const Identity& b) { return detail::modelsEqual(a, b); }

}  // namespace msgraph::models
