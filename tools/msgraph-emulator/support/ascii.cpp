// SPDX-License-Identifier: MIT
#include "support/ascii.hpp"

#include <cctype>

#include "msgraph/ascii.hpp"

namespace emulator {

std::string toLowerAscii(std::string text) {
  for (char& c : text) c = msgraph::asciiLower(c);
  return text;
}

std::string toUpperAscii(std::string text) {
  for (char& c : text) c = msgraph::asciiUpper(c);
  return text;
}

std::string_view trimSpace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace emulator
