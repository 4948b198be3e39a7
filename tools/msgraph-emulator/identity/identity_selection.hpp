// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "identity/managed_identity.hpp"
#include "support/url.hpp"

namespace emulator {

/// Which of a managed identity's ids a query parameter names.
enum class IdentityId { Client, Principal, Resource };

/// A query parameter that picks a user-assigned identity, such as `client_id`.
struct IdentitySelector {
  std::string_view parameter;
  IdentityId id;
};

/// Why no identity was selected.
enum class SelectionFailure {
  Several,  // the query names the identity in more than one way
  NotFound  // the host has no identity with that id (or, without one, no default identity)
};

/// The identity `query` names with one of `selectors` (ids compared ignoring case: GUIDs and
/// ARM resource ids are both case-insensitive), or without any the system-assigned identity,
/// or, when `soleUserAssignedByDefault` and there is no system-assigned one, the only
/// user-assigned identity. Only user-assigned identities are selected by id.
std::variant<const ManagedIdentity*, SelectionFailure> selectIdentity(
    const FormFields& query, const std::vector<ManagedIdentity>& identities,
    const std::vector<IdentitySelector>& selectors, bool soleUserAssignedByDefault);

}  // namespace emulator
