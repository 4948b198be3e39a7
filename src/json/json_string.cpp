// SPDX-License-Identifier: MIT
#include "json/json_string.hpp"

namespace msgraph::detail {

namespace {

// Bytes that go as they are: all but the control characters, the quote and the backslash. A
// table, so the scan costs a load and a test per byte.
struct PlainBytes {
  bool plain[256];
  constexpr PlainBytes() : plain() {
    for (int c = 0x20; c < 256; ++c) plain[c] = c != '"' && c != '\\';
  }
};
constexpr PlainBytes kPlain;

// The escape after the backslash, or 'u' for \u00XX.
char escapeOf(unsigned char c) {
  switch (c) {
    case '"':
      return '"';
    case '\\':
      return '\\';
    case '\b':
      return 'b';
    case '\f':
      return 'f';
    case '\n':
      return 'n';
    case '\r':
      return 'r';
    case '\t':
      return 't';
    default:
      return 'u';
  }
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out.push_back('"');
  const char* run = text.data();
  const char* end = run + text.size();
  for (const char* p = run; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (kPlain.plain[c]) continue;
    out.append(run, static_cast<std::size_t>(p - run));
    run = p + 1;
    const char escape = escapeOf(c);
    const char unicode[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0x0f]};
    const char simple[] = {'\\', escape};
    escape == 'u' ? out.append(unicode, sizeof unicode) : out.append(simple, sizeof simple);
  }
  out.append(run, static_cast<std::size_t>(end - run));
  out.push_back('"');
}

}  // namespace msgraph::detail
