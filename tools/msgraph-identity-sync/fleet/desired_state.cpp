// SPDX-License-Identifier: MIT
#include "fleet/desired_state.hpp"

#include <utility>

#include "msgraph/ascii.hpp"

namespace msgraph_cli::fleet {

namespace {

using msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
using msgraph::models::IdentitySyncPolicyPartner;

// Partner and tenant ids are GUIDs or domain names, which Graph matches ignoring case.
std::string lowerAscii(const std::string& text) {
  std::string lower = text;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace

DesiredState::DesiredState(DesiredStateReader& reader, const SignIn& signIn,
                           const BadLineSink& onBadLine) {
  DesiredItem item;
  BadLine bad;
  const auto reject = [&](BadLine line) {
    ++badLines_;
    onBadLine(line);
  };
  for (;;) {
    const DesiredStateReader::Status status = reader.next(item, bad);
    if (status == DesiredStateReader::Status::End) break;
    if (status == DesiredStateReader::Status::BadLine) {
      reject(bad);
      continue;
    }
    const std::optional<std::size_t> tenant = tenantNumber(item.tenant, signIn);
    if (!tenant) {
      reject({item.line, "tenant",
              "naming a tenant needs app credentials (--tenant, --client-id, and "
              "--client-secret-env or --certificate): the same app signs in to each tenant"});
      continue;
    }
    const auto [at, added] = index_.emplace(key(*tenant, item.partnerTenantId()), entries_.size());
    if (!added) {
      reject({item.line, "partnerTenantId",
              "'" + item.partnerTenantId() + "' is already desired by line " +
                  std::to_string(entries_[at->second].line) +
                  (item.tenant.empty() ? std::string() : " in tenant '" + item.tenant + "'")});
      continue;
    }
    entries_.push_back({static_cast<std::uint32_t>(item.line), static_cast<std::uint32_t>(*tenant),
                        item.policy.has_value(), item.partner.toJson(),
                        item.policy ? item.policy->toJson() : std::string()});
  }
}

std::optional<std::size_t> DesiredState::tenantNumber(const std::string& tenant,
                                                      const SignIn& signIn) {
  const bool signedIn = tenant.empty() || (!signIn.tenant.empty() &&
                                           msgraph::asciiEqualsIgnoreCase(tenant, signIn.tenant));
  if (!signedIn && !signIn.appCredentials) return std::nullopt;
  const std::string name = signedIn ? std::string() : tenant;
  for (std::size_t i = 0; i < tenants_.size(); ++i) {
    if (msgraph::asciiEqualsIgnoreCase(tenants_[i], name)) return i;
  }
  tenants_.push_back(name);
  return tenants_.size() - 1;
}

std::string DesiredState::key(std::size_t tenant, const std::string& partnerTenantId) {
  return std::to_string(tenant) + '/' + lowerAscii(partnerTenantId);
}

std::optional<std::size_t> DesiredState::find(std::size_t tenant,
                                              const std::string& partnerTenantId) const {
  const auto it = index_.find(key(tenant, partnerTenantId));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

DesiredItem DesiredState::item(std::size_t index) const {
  const Entry& entry = entries_[index];
  DesiredItem item;
  item.line = entry.line;
  item.tenant = tenants_[entry.tenant];
  item.partner = CrossTenantAccessPolicyConfigurationPartner::fromJson(entry.partner);
  if (entry.hasPolicy) item.policy = IdentitySyncPolicyPartner::fromJson(entry.policy);
  return item;
}

void DesiredState::forEachOfTenant(std::size_t tenant,
                                   const std::function<void(std::size_t)>& f) const {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].tenant == tenant) f(i);
  }
}

}  // namespace msgraph_cli::fleet
