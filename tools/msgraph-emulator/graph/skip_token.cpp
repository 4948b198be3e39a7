// SPDX-License-Identifier: MIT
#include "graph/skip_token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "support/random.hpp"
#include "support/utf8.hpp"

namespace emulator {
namespace {

// A version prefix, so that a token of an older emulator's shape is refused, not misread.
constexpr std::string_view kPrefix = "p2-";
constexpr char kSeparator = '.';
constexpr const char* kHex = "0123456789abcdef";
// 128 bits of HMAC-SHA256 are plenty against guessing and keep the next link short.
constexpr std::size_t kTagBytes = 16;

using Tag = std::array<unsigned char, kTagBytes>;

// Drawn once per process: tokens do not outlive the emulator run that issued them.
const std::array<unsigned char, 32>& signingKey() {
  static const std::array<unsigned char, 32> key = [] {
    std::array<unsigned char, 32> drawn{};
    fillRandom(drawn.data(), drawn.size());
    return drawn;
  }();
  return key;
}

Tag tagOf(std::string_view key) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), signingKey().data(), static_cast<int>(signingKey().size()),
           reinterpret_cast<const unsigned char*>(key.data()), key.size(), mac,
           &length) == nullptr ||
      length < kTagBytes) {
    throw std::runtime_error("HMAC-SHA256 of a skip token failed");
  }
  Tag tag{};
  std::copy(mac, mac + kTagBytes, tag.begin());
  return tag;
}

void appendHex(std::string& out, const unsigned char* bytes, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 0xF];
  }
}

int lowerHexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> decodeHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = lowerHexValue(hex[i]);
    const int low = lowerHexValue(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes += static_cast<char>(high * 16 + low);
  }
  return bytes;
}

}  // namespace

// "p2-" hex(key) "." hex(tag): lower-case hex is safe in a URL without escaping and lets any
// key round-trip.
std::string skipTokenAfter(std::string_view lastKey) {
  std::string token(kPrefix);
  appendHex(token, reinterpret_cast<const unsigned char*>(lastKey.data()), lastKey.size());
  token += kSeparator;
  const Tag tag = tagOf(lastKey);
  appendHex(token, tag.data(), tag.size());
  return token;
}

std::optional<std::string> keyOfSkipToken(std::string_view token) {
  if (token.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  token.remove_prefix(kPrefix.size());
  const std::size_t separator = token.find(kSeparator);
  if (separator == 0 || separator == std::string_view::npos) return std::nullopt;
  std::optional<std::string> key = decodeHex(token.substr(0, separator));
  const std::optional<std::string> tag = decodeHex(token.substr(separator + 1));
  if (!key || !tag || tag->size() != kTagBytes) return std::nullopt;
  const Tag expected = tagOf(*key);
  if (CRYPTO_memcmp(expected.data(), tag->data(), kTagBytes) != 0) return std::nullopt;
  if (!isValidUtf8(*key)) return std::nullopt;
  return key;
}

}  // namespace emulator
