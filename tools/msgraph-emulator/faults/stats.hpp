// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "faults/fault_schedule.hpp"
#include "msgraph/json/json.hpp"

namespace emulator {

/// What the emulator has served since it started, for `GET /emulator/stats`. Thread-safe; a
/// snapshot read while requests arrive may be a request apart between counters.
class RequestStats {
 public:
  /// Counts one Graph request and the fault it was given (Fault::None for none).
  void record(Fault fault);

  /// `{"graphRequests":N,"faults":{"throttle":a,"unavailable":b,"drop":c,"oversize":d,
  /// "dropAfterApply":e}}`.
  msgraph::Json toJson() const;

 private:
  std::uint64_t count(Fault fault) const { return counts_[static_cast<std::size_t>(fault)].load(); }

  // Requests by what they were given, Fault::None included: their sum is graphRequests.
  std::array<std::atomic<std::uint64_t>, kFaultKinds> counts_{};
};

}  // namespace emulator
