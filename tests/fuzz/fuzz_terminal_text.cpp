// SPDX-License-Identifier: MIT
// The tool's filter between service text and the terminal (terminal_text.cpp): whatever the
// bytes, the shown text holds no control character, no bidirectional control and no invalid
// UTF-8, filtering twice changes nothing, and JSON keeps its value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"
#include "terminal_text.hpp"

namespace {

using msgraph_fuzz::check;

// Whether `shown` holds only printable ASCII (and `\n` when `lineFeeds`) or non-ASCII UTF-8 that
// is none of U+0080-U+009F, U+2028/U+2029, U+202A-U+202E, U+2066-U+2069.
bool isShownSafely(std::string_view shown, bool lineFeeds) {
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const auto byte = static_cast<unsigned char>(shown[i]);
    if (byte < 0x80) {
      if ((byte < 0x20 && !(lineFeeds && byte == '\n')) || byte == 0x7F) return false;
      continue;
    }
    // The filter keeps only valid sequences; recheck the forbidden ones by their bytes.
    if (byte == 0xC2 && i + 1 < shown.size() && static_cast<unsigned char>(shown[i + 1]) <= 0x9F) {
      return false;
    }
    if (byte == 0xE2 && i + 2 < shown.size()) {
      const auto second = static_cast<unsigned char>(shown[i + 1]);
      const auto third = static_cast<unsigned char>(shown[i + 2]);
      if (second == 0x80 && third >= 0xA8 && third <= 0xAE) return false;
      if (second == 0x81 && third >= 0xA6 && third <= 0xA9) return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string safe = msgraph_cli::terminalSafe(text);
  check(isShownSafely(safe, false), "terminalSafe leaves no control or bidi character");
  check(msgraph_cli::terminalSafe(safe) == safe, "terminalSafe is idempotent");
  const std::string lines = msgraph_cli::terminalSafeLines(text);
  check(isShownSafely(lines, true), "terminalSafeLines leaves only line feeds");
  try {
    const msgraph::Json value = msgraph::Json::parse(text);
    const std::string json = msgraph::Json(value).dump();
    const std::string shown = msgraph_cli::terminalSafeJson(json);
    check(isShownSafely(shown, false), "terminalSafeJson leaves no control or bidi character");
    check(msgraph::Json::parse(shown) == value, "terminalSafeJson keeps the JSON value");
  } catch (const msgraph::Error&) {
    // Not JSON: only the text filters apply.
  }
  return 0;
}
