// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "state/data_file_lock.hpp"
#include "state/policy_change.hpp"
#include "state/state.hpp"

namespace emulator {

/// The emulator's state behind one mutex (httplib serves from a thread pool), optionally
/// persisted to a JSON file after every change.
///
/// A change either happens whole or not at all: one that fails (its function returns false or
/// throws, or the data file cannot be written) leaves the state exactly as it was, and nothing
/// unsaved is ever acknowledged.
class Store {
 public:
  /// A store without a file (nothing persisted) or with one (`--data FILE`).
  explicit Store(std::optional<std::filesystem::path> dataFile);

  /// Locks the data file for the store's lifetime (see DataFileLock) and loads it, if there is
  /// one; a missing file is an empty state. The policies of a file written before they were
  /// kept per tenant go to `legacyOwner` unless the file names its tenants (see loadState).
  /// @throws std::runtime_error if another emulator holds the file, or it cannot be read or is
  /// not a valid state file.
  void load(const std::optional<std::string>& legacyOwner);

  /// Calls `reader(const State&)` under the lock and returns its result.
  template <typename F>
  auto read(F&& reader) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::forward<F>(reader)(static_cast<const State&>(state_));
  }

  /// Calls `reader(const TenantPolicies&)` with the policies of the tenant `tenantKey` (see
  /// tenantKey) under the lock and returns its result.
  template <typename F>
  auto readPolicies(const std::string& tenantKey, F&& reader) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = state_.policies.find(tenantKey);
    static const TenantPolicies kNone;
    return std::forward<F>(reader)(found == state_.policies.end() ? kNone : found->second);
  }

  /// The key under which the tenant a token was issued for keeps its policies.
  std::string tenantKey(std::string_view tenant) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_.tenants.keyOf(tenant);
  }

  /// Calls `change(PolicyChange&)` on the policies of the tenant `tenantKey` under the lock.
  /// The change is made in place, so it costs what it touches (O(log n) for a partner write),
  /// and undone if `change` returns false or throws or the data file cannot be written.
  /// Writing the data file is a rewrite of the whole file, O(n).
  /// @throws std::runtime_error if the data file cannot be written.
  template <typename F>
  void updatePolicies(const std::string& tenantKey, F&& change) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto policies = state_.policies.try_emplace(tenantKey);
    PolicyChange journal(policies.first->second, state_.etagCounter);
    const auto undo = [&] {
      journal.rollback();
      if (policies.second) state_.policies.erase(policies.first);  // added for this change
    };
    applyOrUndo([&] { return std::forward<F>(change)(journal); }, state_, undo);
  }

  /// Calls `change(State&)` on a copy of the apps and tenants under the lock; if it returns
  /// true, the copy is saved and becomes the state, so a failure leaves the state as it was.
  /// The policies are lent to the copy, not copied: `change` may read them, never change them.
  /// For the registrations of the command line.
  /// @throws std::runtime_error if the data file cannot be written.
  template <typename F>
  void updateRegistrations(F&& change) {
    std::lock_guard<std::mutex> lock(mutex_);
    State next;
    next.apps = state_.apps;
    next.tenants = state_.tenants;
    next.policies.swap(state_.policies);  // lent, not copied: given back below in every case
    next.etagCounter = state_.etagCounter;
    const auto giveBack = [&] { state_.policies.swap(next.policies); };
    if (!applyOrUndo([&] { return std::forward<F>(change)(next); }, next, giveBack)) return;
    giveBack();
    state_.apps = std::move(next.apps);
    state_.tenants = std::move(next.tenants);
  }

  /// How many updates changed the state since the start: what a test checks to prove that a
  /// call wrote nothing (`"writes"` in `/emulator/stats`).
  std::uint64_t writes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return writes_;
  }

 private:
  // Under the lock: runs `change()` and, if it returns true, saves `saved` and counts a write.
  // If it returns false or throws, or the save fails, calls `undo()` (and rethrows).
  // @return whether the change was saved.
  template <typename Change, typename Undo>
  bool applyOrUndo(Change&& change, const State& saved, Undo&& undo) {
    bool changed = false;
    try {
      changed = change();
      if (changed) persist(saved);
    } catch (...) {
      undo();
      throw;
    }
    if (!changed) {
      undo();
      return false;
    }
    ++writes_;
    return true;
  }

  void persist(const State& state) const;

  std::optional<std::filesystem::path> dataFile_;
  std::optional<DataFileLock> lock_;
  mutable std::mutex mutex_;
  State state_;
  std::uint64_t writes_ = 0;
};

}  // namespace emulator
