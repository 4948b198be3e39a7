// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <tuple>

namespace msgraph::detail {

/// The quotas of Graph's identity and access service a request can count against.
enum class ThrottleScopeKind : std::uint8_t {
  ApplicationTenantWrites,         // Tenant_Application/Write: 3,000 per 150 s
  ApplicationTenantResourceUnits,  // Tenant_Application resource units: 3,500 per 10 s (size S)
  TenantWrites,                    // Tenant/Write, across applications: 18,000 per 5 min
  ApplicationWrites,               // Application/Write, across tenants: 35,000 per 5 min
  ApplicationResourceUnits,        // Application resource units, across tenants: 150,000 per 20 s
};

/// One throttle scope: a kind with the application and tenant it is metered for (the tenant is
/// empty for application-wide kinds, the application for tenant-wide ones).
struct ThrottleScope {
  ThrottleScopeKind kind = ThrottleScopeKind::ApplicationTenantWrites;
  std::string applicationId;
  std::string tenantId;

  friend bool operator<(const ThrottleScope& a, const ThrottleScope& b) {
    return std::tie(a.kind, a.applicationId, a.tenantId) <
           std::tie(b.kind, b.applicationId, b.tenantId);
  }
  friend bool operator==(const ThrottleScope& a, const ThrottleScope& b) {
    return a.kind == b.kind && a.applicationId == b.applicationId && a.tenantId == b.tenantId;
  }
};

/// The scopes one request counts against, as indices into a `QuotaScheduler`, narrowest first
/// (the application and tenant pair before the tenant and the application). A value: the caller
/// keeps it per application and tenant, so admitting a request looks nothing up by name.
struct ScopeSet {
  static constexpr std::size_t kMaxScopes = 5;
  std::array<std::uint32_t, kMaxScopes> ids{};
  std::uint8_t size = 0;

  const std::uint32_t* begin() const noexcept { return ids.data(); }
  const std::uint32_t* end() const noexcept { return ids.data() + size; }
};

}  // namespace msgraph::detail
