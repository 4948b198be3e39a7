// SPDX-License-Identifier: MIT
#include "msgraph/loopback.hpp"

#include <arpa/inet.h>

#include <cstring>
#include <string>

#include "msgraph/ascii.hpp"

namespace msgraph {

bool isLoopbackHost(std::string_view host) noexcept {
  if (asciiEqualsIgnoreCase(host, "localhost")) return true;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  char text[INET6_ADDRSTRLEN] = {};
  // inet_pton reads up to a NUL: "127.0.0.1\0.evil" must not pass as 127.0.0.1.
  if (host.empty() || host.size() >= sizeof(text) || host.find('\0') != std::string_view::npos) {
    return false;
  }
  std::memcpy(text, host.data(), host.size());
  unsigned char address[16];
  if (inet_pton(AF_INET, text, address) == 1) return address[0] == 127;
  if (inet_pton(AF_INET6, text, address) != 1) return false;
  static const unsigned char kLoopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(address, kLoopback, 16) == 0 ||
         (std::memcmp(address, kMappedPrefix, 12) == 0 && address[12] == 127);
}

}  // namespace msgraph
