// SPDX-License-Identifier: MIT
// The JSON string writer of the compact writer: the same bytes as RapidJSON's own writer for
// every byte value and mix of runs and escapes, so bodies on the wire did not change with it.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <catch2/catch.hpp>

#include <random>
#include <string>

// Private header: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "json/json_string.hpp"

namespace {

std::string rapidjsonString(const std::string& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

std::string ours(const std::string& text) {
  std::string out = "prefix";
  msgraph::detail::appendJsonString(out, text);
  return out.substr(6);
}

}  // namespace

TEST_CASE("a JSON string is escaped exactly as RapidJSON escapes it", "[json]") {
  SECTION("every byte value alone, and between runs") {
    for (int c = 0; c < 0x100; ++c) {  // bytes from 0x80 go as they are, as RapidJSON's do
      const std::string one(1, static_cast<char>(c));
      CHECK(ours(one) == rapidjsonString(one));
      const std::string mixed = "ab" + one + "cd" + one + one;
      CHECK(ours(mixed) == rapidjsonString(mixed));
    }
  }
  SECTION("the usual cases") {
    CHECK(ours("") == R"("")");
    CHECK(ours("Fabrikam") == R"("Fabrikam")");
    CHECK(ours("a\"b\\c/d") == R"("a\"b\\c/d")");
    CHECK(ours(std::string("\0\x1f\x7f", 3)) == "\"\\u0000\\u001F\x7f\"");
    CHECK(ours("line\r\nbreak\ttab\b\f") == R"("line\r\nbreak\ttab\b\f")");
    CHECK(ours("Zoë 東京 😀") == "\"Zoë 東京 😀\"");  // UTF-8 goes as it is
  }
  SECTION("random mixes of runs, escapes and UTF-8") {
    std::mt19937 random(20261201);
    const std::string pieces[] = {"a",    "Fabrikam ", "\"", "\\", "\n", std::string(1, '\0'),
                                  "\x01", "ë",         "東", "😀",  "/",  "\x7f"};
    for (int round = 0; round < 500; ++round) {
      std::string text;
      const int count = static_cast<int>(random() % 12);
      for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
      CHECK(ours(text) == rapidjsonString(text));
    }
  }
}
