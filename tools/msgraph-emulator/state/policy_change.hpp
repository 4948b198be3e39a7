// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "state/state.hpp"

namespace emulator {

/// A change to one tenant's policies, made in place and undoable: every mutation first records
/// the entry it touches as it was, so that rollback() restores exactly the state before the
/// change. Each mutation costs a map operation and a copy of the one entry, never a copy of the
/// whole state, which is what lets the store apply a write in O(log n).
class PolicyChange {
 public:
  PolicyChange(TenantPolicies& policies, std::uint64_t& etagCounter);

  const std::map<std::string, PartnerRecord>& partners() const { return policies_.partners; }
  const std::map<std::string, DeletedPolicyRecord>& deletedPolicies() const {
    return policies_.deletedPolicies;
  }

  /// The partner `id` to change, or nullptr if there is none.
  PartnerRecord* editPartner(const std::string& id);
  /// Adds the partner `id`; false (and nothing changed) if it exists.
  bool addPartner(const std::string& id, PartnerRecord partner);
  /// Removes the partner `id`, if there is one.
  void erasePartner(const std::string& id);

  /// Sets the deleted policy of partner `id`, replacing any earlier one.
  void putDeleted(const std::string& id, DeletedPolicyRecord deleted);
  /// Removes the deleted policy of partner `id`; false if there is none.
  bool eraseDeleted(const std::string& id);
  /// Forgets the deleted policies deleted before `cutoff` (seconds since the Unix epoch);
  /// returns whether it forgot any.
  bool purgeDeletedBefore(std::int64_t cutoff);

  /// A new weak ETag, different from every earlier one (also across tenants, and across
  /// restarts with `--data`).
  std::string nextEtag();

  /// Undoes every mutation above, newest first.
  void rollback();

 private:
  template <typename Record>
  using Undo = std::vector<std::pair<std::string, std::optional<Record>>>;

  void remember(const std::string& id);
  void rememberDeleted(const std::string& id);

  TenantPolicies& policies_;
  std::uint64_t& etagCounter_;
  const std::uint64_t etagCounterBefore_;
  Undo<PartnerRecord> partnerUndo_;
  Undo<DeletedPolicyRecord> deletedUndo_;
};

}  // namespace emulator
