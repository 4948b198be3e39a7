// SPDX-License-Identifier: MIT
#include "terminal_text.hpp"

#include <cstdint>

namespace msgraph_cli {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// The code point of the UTF-8 sequence at `text[at]` and its length, or a length of 0 when the
// bytes there are not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF
// included).
struct Decoded {
  std::uint32_t codePoint = 0;
  std::size_t length = 0;
};

Decoded decodeUtf8(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  std::uint32_t codePoint = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    codePoint = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    codePoint = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    codePoint = lead & 0x07;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return {};
    codePoint = (codePoint << 6) | (next & 0x3F);
  }
  const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (codePoint < smallest[length] || codePoint > 0x10FFFF ||
      (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
    return {};
  }
  return {codePoint, length};
}

bool isHidden(std::uint32_t codePoint) {
  return (codePoint >= 0x80 && codePoint <= 0x9F) ||      // C1 controls
         (codePoint >= 0x202A && codePoint <= 0x202E) ||  // embeddings and overrides
         (codePoint >= 0x2066 && codePoint <= 0x2069) ||  // isolates
         codePoint == 0x2028 || codePoint == 0x2029;      // line and paragraph separators
}

void appendHexByte(std::string& out, unsigned char byte) {
  out.append("\\x").append(1, kHex[byte >> 4]).append(1, kHex[byte & 0xF]);
}

void appendUnicodeEscape(std::string& out, std::uint32_t codePoint) {
  out.append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out.append(1, kHex[(codePoint >> shift) & 0xF]);
}

std::string escaped(std::string_view text, bool keepLineFeeds) {
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if ((byte < 0x20 && !(keepLineFeeds && byte == '\n')) || byte == 0x7F) {
        appendHexByte(safe, byte);
      } else {
        safe.push_back(static_cast<char>(byte));
      }
      ++i;
      continue;
    }
    const Decoded decoded = decodeUtf8(text, i);
    if (decoded.length == 0) {
      appendHexByte(safe, byte);
      ++i;
    } else if (isHidden(decoded.codePoint)) {
      appendUnicodeEscape(safe, decoded.codePoint);
      i += decoded.length;
    } else {
      safe.append(text.substr(i, decoded.length));
      i += decoded.length;
    }
  }
  return safe;
}

}  // namespace

std::string terminalSafe(std::string_view text) { return escaped(text, false); }

std::string terminalSafeLines(std::string_view text) { return escaped(text, true); }

std::string terminalSafeJson(std::string_view json) {
  std::string safe;
  safe.reserve(json.size());
  for (std::size_t i = 0; i < json.size();) {
    const auto byte = static_cast<unsigned char>(json[i]);
    if (byte == 0x7F) {
      appendUnicodeEscape(safe, byte);
      ++i;
      continue;
    }
    const Decoded decoded = byte < 0x80 ? Decoded{} : decodeUtf8(json, i);
    if (decoded.length != 0 && isHidden(decoded.codePoint)) {
      appendUnicodeEscape(safe, decoded.codePoint);
      i += decoded.length;
      continue;
    }
    // The writer's output is valid UTF-8; keep any byte as it is.
    const std::size_t length = decoded.length == 0 ? 1 : decoded.length;
    safe.append(json.substr(i, length));
    i += length;
  }
  return safe;
}

}  // namespace msgraph_cli
