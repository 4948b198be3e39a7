// SPDX-License-Identifier: MIT
// msgraph::Json::parse either throws DeserializationError or gives a value that survives
// dump() and parse() unchanged, compact and pretty. A document that is one number must read as
// the nearest double, exactly as the C library's correctly rounded strtod reads it. And any
// bytes as a string value are written as JSON that reads back the same, or refused with a
// ValidationError when they are not UTF-8.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void checkParse(std::string_view input) {
  msgraph::Json value;
  try {
    value = msgraph::Json::parse(input);
  } catch (const msgraph::DeserializationError&) {
    return;
  }
  const std::string compact = value.dump();
  const msgraph::Json again = msgraph::Json::parse(compact);
  msgraph_fuzz::check(again == value, "parse(dump(v)) == v");
  msgraph_fuzz::check(again.dump() == compact, "dump is stable across a round trip");
  msgraph_fuzz::check(msgraph::Json::parse(value.dump(true)) == value,
                      "parse(dump(v, pretty)) == v");
  if (value.type() == msgraph::Json::Type::Double) {
    const double expected = std::strtod(std::string(input).c_str(), nullptr);
    msgraph_fuzz::check(sameBits(value.asDouble(), expected),
                        "a number reads as the nearest double (as strtod reads it)");
  }
}

void checkStringDump(std::string_view input) {
  // An exact-size copy, so that ASan sees any read past the string's end.
  const msgraph::Json value{std::string(input)};
  std::string json;
  try {
    json = value.dump();
  } catch (const msgraph::ValidationError&) {
    return;
  }
  msgraph_fuzz::check(msgraph::Json::parse(json) == value, "parse(dump(string)) == string");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  checkParse(input);
  checkStringDump(input);
  return 0;
}
