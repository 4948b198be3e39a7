// SPDX-License-Identifier: MIT
#include "faults/stats.hpp"

namespace emulator {

void RequestStats::record(Fault fault) { ++counts_[static_cast<std::size_t>(fault)]; }

msgraph::Json RequestStats::toJson() const {
  std::uint64_t total = 0;
  for (const auto& counted : counts_) total += counted.load();
  return msgraph::Json::object({{"graphRequests", total},
                                {"faults", msgraph::Json::object({
                                               {"throttle", count(Fault::Throttle)},
                                               {"unavailable", count(Fault::Unavailable)},
                                               {"drop", count(Fault::Drop)},
                                               {"oversize", count(Fault::Oversize)},
                                               {"dropAfterApply", count(Fault::DropAfterApply)},
                                           })}});
}

}  // namespace emulator
