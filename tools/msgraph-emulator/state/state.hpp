// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "identity/app_roles.hpp"
#include "identity/certificate.hpp"
#include "msgraph/json/json.hpp"
#include "state/tenant_directory.hpp"

namespace emulator {

/// A stored identity synchronization policy: its properties as last written (without
/// `tenantId`, which always comes from the partner) and its ETag.
struct PolicyRecord {
  msgraph::JsonObject properties;
  std::string etag;
};

/// A partner configuration (`crossTenantAccessPolicyConfigurationPartner`) as created, and the
/// policy it contains, if any.
struct PartnerRecord {
  msgraph::JsonObject configuration;
  std::optional<PolicyRecord> policy;
};

/// A deleted identity synchronization policy among the deleted items (beta's
/// `/policies/deletedItems/crossTenantSyncPolicyPartners`): its properties as they were (without
/// `tenantId` and `deletedDateTime`) and when it was deleted, in seconds since the Unix epoch.
struct DeletedPolicyRecord {
  msgraph::JsonObject properties;
  std::int64_t deletedAt = 0;
};

/// An app registration the token endpoint accepts: a secret (`--app`), certificates
/// (`--app-cert`), or both, as an app in the identity platform can have, and the application
/// permissions granted to it (`--app-role`).
struct AppRegistration {
  std::optional<std::string> clientSecret;
  std::vector<RegisteredCertificate> certificates;
  AppRoles roles;
};

/// One tenant's cross-tenant access policy: its partners and its deleted items. Graph keeps
/// these per tenant, so the emulator keeps one for each tenant a token is issued for.
struct TenantPolicies {
  std::map<std::string, PartnerRecord> partners;  // by partner tenant id
  /// Deleted policies, by partner tenant id (one per partner: a later deletion replaces it).
  std::map<std::string, DeletedPolicyRecord> deletedPolicies;

  bool empty() const { return partners.empty() && deletedPolicies.empty(); }
};

/// Everything the emulator keeps (and persists with `--data`). Issued tokens are not part of
/// it: they live only as long as the process.
struct State {
  std::map<std::string, AppRegistration> apps;  // by client id
  TenantDirectory tenants;
  /// By tenant key (TenantDirectory::keyOf); a tenant without partners or deleted items may
  /// have none.
  std::map<std::string, TenantPolicies> policies;
  /// Shared by all tenants, so that no two ETags of one emulator are ever equal.
  std::uint64_t etagCounter = 0;

  /// Whether the token endpoint serves `tenant` (compared ignoring case, as both GUIDs and
  /// domain names are).
  bool knowsTenant(std::string_view tenant) const { return tenants.serves(tenant); }
};

}  // namespace emulator
