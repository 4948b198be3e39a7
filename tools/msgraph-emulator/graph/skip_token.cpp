// SPDX-License-Identifier: MIT
#include "graph/skip_token.hpp"

#include "support/utf8.hpp"

namespace emulator {
namespace {

// A version prefix, so that a token from an older emulator (or a guess) is refused, not
// misread.
constexpr std::string_view kPrefix = "p1-";
constexpr const char* kHex = "0123456789abcdef";

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

// Lower-case hex: opaque to callers, safe in a URL without escaping, any key round-trips.
std::string skipTokenAfter(std::string_view lastKey) {
  std::string token(kPrefix);
  for (const char c : lastKey) {
    const auto byte = static_cast<unsigned char>(c);
    token += kHex[byte >> 4];
    token += kHex[byte & 0xF];
  }
  return token;
}

std::optional<std::string> keyOfSkipToken(std::string_view token) {
  if (token.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  token.remove_prefix(kPrefix.size());
  if (token.empty() || token.size() % 2 != 0) return std::nullopt;
  std::string key;
  for (std::size_t i = 0; i < token.size(); i += 2) {
    const int high = hexValue(token[i]);
    const int low = hexValue(token[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    key += static_cast<char>(high * 16 + low);
  }
  if (!isValidUtf8(key)) return std::nullopt;
  return key;
}

}  // namespace emulator
