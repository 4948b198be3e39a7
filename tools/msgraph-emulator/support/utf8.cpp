// SPDX-License-Identifier: MIT
#include "support/utf8.hpp"

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace emulator {

bool isValidUtf8(std::string_view text) {
  try {
    msgraph::Json(text).dump();  // the writer validates UTF-8 and throws on the first bad byte
    return true;
  } catch (const msgraph::ValidationError&) {
    return false;
  }
}

std::string printable(std::string_view text) {
  std::string copy(text);
  if (!isValidUtf8(copy)) {
    for (char& c : copy) {
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    }
  }
  return copy;
}

}  // namespace emulator
