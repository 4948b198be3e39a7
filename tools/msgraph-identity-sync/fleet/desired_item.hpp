// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"

/// @file
/// One partner of a desired-state file, as read from one JSON line or one CSV record.

namespace msgraph_cli::fleet {

/// A partner as the desired state wants it.
struct DesiredItem {
  /// The line of the file it was read from (the first line of a CSV record).
  std::size_t line = 0;
  /// The tenant whose policy store holds the partner, as written; empty: the signed-in one.
  std::string tenant;
  /// The partner's configuration: `tenantId` (the partner tenant id) and the partner properties
  /// the line sets (`automaticUserConsentSettings`, ...); never `identitySynchronization`.
  msgraph::models::CrossTenantAccessPolicyConfigurationPartner partner;
  /// The partner's identity synchronization policy, when the line gives one.
  std::optional<msgraph::models::IdentitySyncPolicyPartner> policy;

  /// The partner tenant id (`partner.tenantId`, always set).
  const std::string& partnerTenantId() const { return *partner.tenantId; }
};

/// Why a line of a desired-state file cannot be used: the field (a key, a JSON pointer or a
/// column) and the reason.
class BadLineError : public std::runtime_error {
 public:
  BadLineError(std::string field, const std::string& reason)
      : std::runtime_error(reason), field_(std::move(field)) {}
  const std::string& field() const noexcept { return field_; }

 private:
  std::string field_;
};

}  // namespace msgraph_cli::fleet
