// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "fleet/desired_item.hpp"
#include "fleet/desired_state_reader.hpp"

namespace msgraph_cli::fleet {

/// Who the tool signs in as, which decides the tenants a desired-state file may name.
struct SignIn {
  /// The signed-in tenant (`--tenant`), empty with a bearer token: an item naming it is an
  /// item of the default tenant.
  std::string tenant;
  /// Whether the app can sign in to other tenants (app credentials: --client-id with a secret
  /// or certificate). With a bearer token only the token's tenant can be read.
  bool appCredentials = false;
};

/// The whole desired state, indexed by tenant and partner for the plan, compactly: per
/// partner its line, its tenant's number and its two bodies as compact JSON, so that 100,000
/// partners take a few tens of MB.
class DesiredState {
 public:
  /// Called for each bad line, in file order.
  using BadLineSink = std::function<void(const BadLine&)>;

  /// Reads every item of `reader`. Bad lines (the reader's, a partner named twice in one
  /// tenant, a tenant the sign-in cannot reach) go to `onBadLine` and are left out.
  DesiredState(DesiredStateReader& reader, const SignIn& signIn, const BadLineSink& onBadLine);

  /// The tenants the file names, in the order they first appear; "" is the signed-in one.
  /// Only these are read: a tenant the file does not name is never pruned.
  const std::vector<std::string>& tenants() const noexcept { return tenants_; }
  /// How many partners the file desires (bad lines excluded).
  std::size_t size() const noexcept { return entries_.size(); }
  /// How many lines were bad.
  std::size_t badLines() const noexcept { return badLines_; }

  /// The number of the entry for `partnerTenantId` in tenant number `tenant`, or none.
  std::optional<std::size_t> find(std::size_t tenant, const std::string& partnerTenantId) const;
  /// Entry `index` as an item again.
  DesiredItem item(std::size_t index) const;
  /// Calls `f(index)` for every entry of tenant number `tenant`, in file order.
  void forEachOfTenant(std::size_t tenant, const std::function<void(std::size_t)>& f) const;

 private:
  struct Entry {
    std::uint32_t line;
    std::uint32_t tenant;
    bool hasPolicy;
    std::string partner;  // CrossTenantAccessPolicyConfigurationPartner::toJson()
    std::string policy;   // IdentitySyncPolicyPartner::toJson(), when hasPolicy
  };

  // The tenant's number, added when new; none when the sign-in cannot reach it.
  std::optional<std::size_t> tenantNumber(const std::string& tenant, const SignIn& signIn);
  static std::string key(std::size_t tenant, const std::string& partnerTenantId);

  std::vector<std::string> tenants_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> index_;  // key() -> entry
  std::size_t badLines_ = 0;
};

}  // namespace msgraph_cli::fleet
