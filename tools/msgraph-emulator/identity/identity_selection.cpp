// SPDX-License-Identifier: MIT
#include "identity/identity_selection.hpp"

#include <algorithm>

#include "msgraph/ascii.hpp"

namespace emulator {
namespace {

const std::string& idOf(const ManagedIdentity& identity, IdentityId id) {
  switch (id) {
    case IdentityId::Client:
      return identity.clientId;
    case IdentityId::Principal:
      return identity.principalId;
    case IdentityId::Resource:
      break;
  }
  return identity.resourceId;
}

const ManagedIdentity* defaultIdentity(const std::vector<ManagedIdentity>& identities,
                                       bool soleUserAssignedByDefault) {
  const auto system = std::find_if(identities.begin(), identities.end(),
                                   [](const ManagedIdentity& i) { return i.systemAssigned; });
  if (system != identities.end()) return &*system;
  return soleUserAssignedByDefault && identities.size() == 1 ? &identities.front() : nullptr;
}

}  // namespace

std::variant<const ManagedIdentity*, SelectionFailure> selectIdentity(
    const FormFields& query, const std::vector<ManagedIdentity>& identities,
    const std::vector<IdentitySelector>& selectors, bool soleUserAssignedByDefault) {
  const IdentitySelector* selector = nullptr;
  const std::string* value = nullptr;
  for (const IdentitySelector& candidate : selectors) {
    const std::string* given = findField(query, candidate.parameter);
    if (given == nullptr) continue;
    if (value != nullptr) return SelectionFailure::Several;
    selector = &candidate;
    value = given;
  }
  if (value == nullptr) {
    const ManagedIdentity* identity = defaultIdentity(identities, soleUserAssignedByDefault);
    if (identity == nullptr) return SelectionFailure::NotFound;
    return identity;
  }
  const auto found = std::find_if(identities.begin(), identities.end(), [&](const auto& identity) {
    return !identity.systemAssigned &&
           msgraph::asciiEqualsIgnoreCase(idOf(identity, selector->id), *value);
  });
  if (found == identities.end()) return SelectionFailure::NotFound;
  return &*found;
}

}  // namespace emulator
