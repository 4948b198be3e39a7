// SPDX-License-Identifier: MIT
#pragma once

// One fleet item as async calls: the request its action makes, sent through the run's gate with
// the run's cancellation, and its answer read into a FleetResult.
#include <functional>
#include <memory>

#include "msgraph/client/fleet.hpp"
#include "pipeline/attempt_carrier.hpp"
#include "pipeline/attempt_gate.hpp"

namespace msgraph::detail {

/// What every request of an item carries.
struct ItemCall {
  const GraphClient& client;
  /// Admits each attempt; null when `carrier` does (its envelopes pass the gate).
  std::shared_ptr<AttemptGate> gate;
  /// Carries each attempt in a `$batch` envelope; null: each goes on its own.
  std::shared_ptr<AttemptCarrier> carrier;
  CancellationToken cancellation;
  ThrottlePriority priority;
  /// The client's retry options with the most retries: the gate paces every attempt, so a 429
  /// is the scheduler's to absorb, not a reason for the item to fail.
  RetryOptions retry;
};

/// The result of `item` (number `index`) before it is run: its names, outcome `Failed`.
FleetResult resultFor(std::size_t index, const FleetItem& item);

/// Starts `item`; `done` gets `result` filled in, on the loop thread (or at once, on this thread,
/// when nothing can be sent).
/// @throws ValidationError for an item without a partner tenant id (`result` is then untouched,
/// for the caller to report).
void startItem(const ItemCall& call, FleetItem item, FleetResult&& result,
               std::function<void(FleetResult)> done);

}  // namespace msgraph::detail
