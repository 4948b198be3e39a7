#pragma once

#include <atomic>
#include <cstdint>

#include "faults.hpp"
#include "msgraph/json/json.hpp"

namespace emulator {

/// What the emulator has served since it started, for `GET /emulator/stats`. Thread-safe; a
/// snapshot read while requests arrive may be a request apart between counters.
class RequestStats {
 public:
  /// Counts one Graph request and the fault it was given (Fault::None for none).
  void record(Fault fault);

  /// `{"graphRequests":N,"faults":{"throttle":a,"unavailable":b,"drop":c,"oversize":d}}`.
  msgraph::Json toJson() const;

 private:
  std::atomic<std::uint64_t> graphRequests_{0};
  std::atomic<std::uint64_t> throttle_{0};
  std::atomic<std::uint64_t> unavailable_{0};
  std::atomic<std::uint64_t> drop_{0};
  std::atomic<std::uint64_t> oversize_{0};
};

}  // namespace emulator
