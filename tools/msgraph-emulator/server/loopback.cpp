#include "server/loopback.hpp"

#include <arpa/inet.h>

#include <cstring>

#include "support/ascii.hpp"

namespace emulator {

bool isLoopbackHost(const std::string& host) {
  if (equalsIgnoreCase(host, "localhost")) return true;
  unsigned char address[16];
  if (inet_pton(AF_INET, host.c_str(), address) == 1) return address[0] == 127;
  if (inet_pton(AF_INET6, host.c_str(), address) != 1) return false;
  static const unsigned char kLoopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(address, kLoopback, 16) == 0 ||
         (std::memcmp(address, kMappedPrefix, 12) == 0 && address[12] == 127);
}

}  // namespace emulator
