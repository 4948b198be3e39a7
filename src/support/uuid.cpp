// SPDX-License-Identifier: MIT
#include "support/uuid.hpp"

#include <pthread.h>
#include <sys/random.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>

#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

// Counts the forks this process has gone through (as a child): bumped in the child by a
// pthread_atfork handler, so checking it costs a load, not a getpid() syscall per UUID.
std::atomic<unsigned> forkGeneration{0};

unsigned currentForkGeneration() {
  static const bool registered = [] {
    pthread_atfork(nullptr, nullptr,
                   [] { forkGeneration.fetch_add(1, std::memory_order_relaxed); });
    return true;
  }();
  (void)registered;
  return forkGeneration.load(std::memory_order_relaxed);
}

// A system call per id would cost more than the rest of a request's preparation, so each thread
// draws random bytes for 64 UUIDs at once. The buffer belongs to one process: a forked child must
// not reuse its parent's bytes, so it is refilled after a fork.
class RandomPool {
 public:
  void take(std::uint8_t* out, std::size_t n) {
    if (used_ + n > bytes_.size() || generation_ != currentForkGeneration()) refill();
    for (std::size_t i = 0; i < n; ++i) out[i] = bytes_[used_ + i];
    used_ += n;
  }

 private:
  // The kernel's CSPRNG (getrandom), not OpenSSL's: a process that speaks plain HTTP to the
  // emulator would otherwise set up OpenSSL's DRBG (millions of instructions) for its first id.
  void refill() {
    std::size_t filled = 0;
    while (filled < bytes_.size()) {
      const ssize_t got = getrandom(bytes_.data() + filled, bytes_.size() - filled, 0);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) throw Error("the system random number generator failed");
      filled += static_cast<std::size_t>(got);
    }
    used_ = 0;
    generation_ = currentForkGeneration();
  }

  std::array<std::uint8_t, 16 * 64> bytes_{};
  std::size_t used_ = bytes_.size();
  unsigned generation_ = 0;
};

}  // namespace

std::string newUuid() {
  thread_local RandomPool pool;
  std::array<std::uint8_t, 16> bytes{};
  pool.take(bytes.data(), bytes.size());
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  char text[36];
  char* out = text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) *out++ = '-';
    *out++ = kHex[bytes[i] >> 4];
    *out++ = kHex[bytes[i] & 0x0f];
  }
  return std::string(text, sizeof text);  // one allocation, no capacity check per character
}

}  // namespace msgraph::detail
