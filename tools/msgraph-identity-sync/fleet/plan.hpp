// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "msgraph/json/json.hpp"

/// @file
/// A plan: per partner, what an ensure of the desired state would write, as data that `plan`
/// and `drift` print and that an apply can run item by item (each item's writes in order).

namespace msgraph_cli::fleet {

/// What the plan does to one partner.
enum class PlanAction {
  Create,     ///< the policy (and maybe the partner configuration) is absent: created
  Update,     ///< a PATCH of the differing properties (partner, policy or both)
  Unchanged,  ///< nothing differs: no write
  Remove,     ///< (--prune) in the tenant but not in the file: deleted
};

/// The action's name in the plan's output and the results file: create, update, unchanged,
/// remove.
constexpr std::string_view planActionName(PlanAction action) {
  switch (action) {
    case PlanAction::Create:
      return "create";
    case PlanAction::Update:
      return "update";
    case PlanAction::Unchanged:
      return "unchanged";
    case PlanAction::Remove:
      return "remove";
  }
  return "unchanged";
}

/// The kinds of write, each the request the library's partner ensure would send (or, for the
/// two deletions, a remove).
enum class WriteKind {
  CreatePartner,  ///< POST .../partners with the desired partner
  PatchPartner,   ///< PATCH .../partners/{id} with the differing partner properties
  PutPolicy,      ///< PUT .../partners/{id}/identitySynchronization with the desired policy
  PatchPolicy,    ///< PATCH .../partners/{id}/identitySynchronization with what differs
  DeletePolicy,   ///< DELETE .../partners/{id}/identitySynchronization
  DeletePartner,  ///< DELETE .../partners/{id} (Graph refuses while a policy is left)
};

/// One write of a plan item.
struct PlannedWrite {
  WriteKind kind;
  /// The JSON body, compact, as the library writes it; empty for the deletions.
  std::string body;
};

/// One property a plan item changes: a JSON pointer (`/displayName`,
/// `/automaticUserConsentSettings/inboundAllowed`), its value now (none: absent) and as
/// written (none: for a removal).
struct PropertyChange {
  std::string pointer;
  std::optional<msgraph::Json> before;
  std::optional<msgraph::Json> after;
};

/// What the plan does to one partner.
struct PlanItem {
  PlanAction action = PlanAction::Unchanged;
  /// The tenant whose store holds the partner; empty: the signed-in one.
  std::string tenant;
  std::string partnerTenantId;
  /// The desired-state line it comes from; 0 for a removal (no line desires the partner).
  std::size_t line = 0;
  /// Changes of the partner configuration (created: every property it is created with).
  std::vector<PropertyChange> partnerChanges;
  /// Changes of the policy (created: every property it is created with).
  std::vector<PropertyChange> policyChanges;
  /// The writes, in the order they must be sent; empty for Unchanged.
  std::vector<PlannedWrite> writes;
};

/// How many items of each action a plan has, and how many lines were bad.
struct PlanCounts {
  std::size_t create = 0;
  std::size_t update = 0;
  std::size_t unchanged = 0;
  std::size_t remove = 0;
  std::size_t badLines = 0;

  /// Counts `item`.
  void add(const PlanItem& item) noexcept {
    switch (item.action) {
      case PlanAction::Create:
        ++create;
        break;
      case PlanAction::Update:
        ++update;
        break;
      case PlanAction::Unchanged:
        ++unchanged;
        break;
      case PlanAction::Remove:
        ++remove;
        break;
    }
  }
  /// Whether the tenant differs from the file: anything to create, update or remove.
  bool drifted() const noexcept { return create + update + remove != 0; }
};

}  // namespace msgraph_cli::fleet
