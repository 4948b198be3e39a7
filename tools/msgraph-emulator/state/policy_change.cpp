// SPDX-License-Identifier: MIT
#include "state/policy_change.hpp"

#include <map>

namespace emulator {
namespace {

template <typename Record>
std::optional<Record> entryOf(const std::map<std::string, Record>& map, const std::string& id) {
  const auto found = map.find(id);
  return found == map.end() ? std::nullopt : std::optional<Record>(found->second);
}

// Puts back each remembered entry, newest first, so that an entry touched twice ends as it was
// before the first touch.
template <typename Record, typename Undo>
void restore(std::map<std::string, Record>& map, Undo& undo) {
  for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
    if (it->second) {
      map.insert_or_assign(it->first, std::move(*it->second));
    } else {
      map.erase(it->first);
    }
  }
  undo.clear();
}

}  // namespace

PolicyChange::PolicyChange(TenantPolicies& policies, std::uint64_t& etagCounter)
    : policies_(policies), etagCounter_(etagCounter), etagCounterBefore_(etagCounter) {}

void PolicyChange::remember(const std::string& id) {
  partnerUndo_.emplace_back(id, entryOf(policies_.partners, id));
}

void PolicyChange::rememberDeleted(const std::string& id) {
  deletedUndo_.emplace_back(id, entryOf(policies_.deletedPolicies, id));
}

PartnerRecord* PolicyChange::editPartner(const std::string& id) {
  const auto found = policies_.partners.find(id);
  if (found == policies_.partners.end()) return nullptr;
  partnerUndo_.emplace_back(id, found->second);
  return &found->second;
}

bool PolicyChange::addPartner(const std::string& id, PartnerRecord partner) {
  if (policies_.partners.count(id) != 0) return false;
  remember(id);
  policies_.partners.emplace(id, std::move(partner));
  return true;
}

void PolicyChange::erasePartner(const std::string& id) {
  remember(id);
  policies_.partners.erase(id);
}

void PolicyChange::putDeleted(const std::string& id, DeletedPolicyRecord deleted) {
  rememberDeleted(id);
  policies_.deletedPolicies.insert_or_assign(id, std::move(deleted));
}

bool PolicyChange::eraseDeleted(const std::string& id) {
  if (policies_.deletedPolicies.count(id) == 0) return false;
  rememberDeleted(id);
  policies_.deletedPolicies.erase(id);
  return true;
}

bool PolicyChange::purgeDeletedBefore(std::int64_t cutoff) {
  bool purged = false;
  for (auto it = policies_.deletedPolicies.begin(); it != policies_.deletedPolicies.end();) {
    if (it->second.deletedAt < cutoff) {
      deletedUndo_.emplace_back(it->first, std::move(it->second));
      it = policies_.deletedPolicies.erase(it);
      purged = true;
    } else {
      ++it;
    }
  }
  return purged;
}

std::string PolicyChange::nextEtag() { return "W/\"" + std::to_string(++etagCounter_) + "\""; }

void PolicyChange::rollback() {
  restore(policies_.partners, partnerUndo_);
  restore(policies_.deletedPolicies, deletedUndo_);
  etagCounter_ = etagCounterBefore_;
}

}  // namespace emulator
