// SPDX-License-Identifier: MIT
#include "faults/fault_schedule.hpp"

namespace emulator {
namespace {

bool hits(std::uint64_t every, std::uint64_t n) { return every != 0 && n % every == 0; }

}  // namespace

FaultSchedule::FaultSchedule(const FaultOptions& options)
    : throttleEvery_(options.throttleEvery),
      unavailableEvery_(options.unavailableEvery),
      dropEvery_(options.dropEvery),
      oversizeEvery_(options.oversizeEvery),
      dropAfterApplyEvery_(options.dropAfterApplyEvery) {}

Fault FaultSchedule::next() {
  const std::uint64_t n = count_.fetch_add(1) + 1;
  if (hits(dropEvery_, n)) return Fault::Drop;
  if (hits(dropAfterApplyEvery_, n)) return Fault::DropAfterApply;
  if (hits(oversizeEvery_, n)) return Fault::Oversize;
  if (hits(unavailableEvery_, n)) return Fault::Unavailable;
  if (hits(throttleEvery_, n)) return Fault::Throttle;
  return Fault::None;
}

}  // namespace emulator
