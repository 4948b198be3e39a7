// SPDX-License-Identifier: MIT
#include "json_input.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "cli_error.hpp"
#include "input_file.hpp"
#include "msgraph/error.hpp"

namespace msgraph_cli {

namespace {

// Reads at most one byte past the parser's size limit, so that a huge file (or /dev/zero)
// ends in the parser's clean "too large" error instead of exhausting memory.
std::string readCapped(std::istream& in, std::string_view option, std::string_view source) {
  const std::size_t limit = msgraph::JsonParseOptions{}.maxBytes + 1;
  std::string text;
  std::array<char, 64 * 1024> buffer{};
  while (text.size() < limit && in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    throw UsageError(std::string(option) + ": cannot read " + std::string(source) + ": " +
                     std::strerror(errno));
  }
  return text;
}

std::string readText(std::string_view option, const std::string& value) {
  if (value == "-") return readCapped(std::cin, option, "stdin");
  if (value.empty() || value.front() != '@') return value;
  const std::string path = value.substr(1);
  std::ifstream file = openInputFile(option, path);
  return readCapped(file, option, "'" + path + "'");
}

}  // namespace

msgraph::Json readJsonOption(std::string_view option, const std::string& value) {
  const std::string text = readText(option, value);
  try {
    return msgraph::Json::parse(text);
  } catch (const msgraph::DeserializationError& e) {
    throw UsageError(std::string(option) + ": " + e.what());
  }
}

}  // namespace msgraph_cli
