// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace emulator {

/// The `--fault-*` and `--delay-ms` settings. An interval of 0 disables that fault.
struct FaultOptions {
  std::uint64_t throttleEvery = 0;        // --fault-429-every
  std::uint64_t unavailableEvery = 0;     // --fault-503-every
  std::uint64_t dropEvery = 0;            // --fault-drop-every
  std::uint64_t oversizeEvery = 0;        // --fault-oversize-every
  std::uint64_t dropAfterApplyEvery = 0;  // --fault-drop-after-apply-every
  // --oversize-bytes; 17 MiB is just over the library's default maxResponseBytes of 16 MiB.
  std::size_t oversizeBytes = 17u * 1024u * 1024u;
  std::string retryAfter = "1";        // --retry-after, sent exactly as given
  std::chrono::milliseconds delay{0};  // --delay-ms
};

/// What happens to one Graph request. DropAfterApply applies the request, then closes the
/// connection without a response: the client cannot tell it from Drop, which applies nothing.
enum class Fault { None, Throttle, Unavailable, Drop, Oversize, DropAfterApply };
/// How many values Fault has.
constexpr std::size_t kFaultKinds = static_cast<std::size_t>(Fault::DropAfterApply) + 1;

/// A deterministic schedule: the Nth Graph request (counting from 1, over all connections)
/// gets the fault whose interval divides N. When several do, the harshest wins: a dropped
/// connection, then one dropped after the request was applied, then an oversized body, then
/// 503, then 429.
class FaultSchedule {
 public:
  explicit FaultSchedule(const FaultOptions& options);

  /// Counts one Graph request and says what to do with it. Thread-safe.
  Fault next();

 private:
  std::uint64_t throttleEvery_;
  std::uint64_t unavailableEvery_;
  std::uint64_t dropEvery_;
  std::uint64_t oversizeEvery_;
  std::uint64_t dropAfterApplyEvery_;
  std::atomic<std::uint64_t> count_{0};
};

}  // namespace emulator
