// SPDX-License-Identifier: MIT
// Specification of msgraph::Json and msgraph::JsonObject: the owned JSON value behind every
// model's additionalProperties, its strict parser and its validating writer.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <variant>

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

using Catch::Matchers::Contains;
using msgraph::DeserializationError;
using msgraph::Json;
using msgraph::JsonObject;
using msgraph::JsonParseOptions;
using msgraph::ValidationError;

namespace {

std::uint64_t bitsOf(double d) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// `depth` arrays nested in one another, closed: depth 3 is "[[[]]]".
std::string nestedArrays(std::size_t depth) { return repeat("[", depth) + repeat("]", depth); }

// The pointer "/0/0/.../0" with `count` tokens.
std::string zeros(std::size_t count) { return repeat("/0", count); }

DeserializationError parseError(std::string_view text, const JsonParseOptions& options = {}) {
  try {
    Json::parse(text, options);
  } catch (const DeserializationError& e) {
    return e;
  }
  FAIL("Json::parse accepted: " << text.substr(0, 80));
  throw std::logic_error("unreachable");
}

ValidationError dumpError(const Json& value, bool pretty = false) {
  try {
    (void)value.dump(pretty);
  } catch (const ValidationError& e) {
    return e;
  }
  FAIL("Json::dump accepted the value");
  throw std::logic_error("unreachable");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Types and accessors

TEST_CASE("Json holds each JSON type and reports it", "[json]") {
  SECTION("null, by default and from nullptr") {
    CHECK(Json().type() == Json::Type::Null);
    CHECK(Json(nullptr).isNull());
    CHECK(Json().dump() == "null");
  }
  SECTION("booleans") {
    CHECK(Json(true).type() == Json::Type::Bool);
    CHECK(Json(true).asBool());
    CHECK_FALSE(Json(false).asBool());
    CHECK(Json(false).dump() == "false");
  }
  SECTION("signed integers of any width are Int") {
    CHECK(Json(42).type() == Json::Type::Int);
    CHECK(Json(static_cast<short>(-7)).asInt() == -7);
    CHECK(Json(std::numeric_limits<std::int64_t>::min()).asInt() ==
          std::numeric_limits<std::int64_t>::min());
    CHECK(Json(-42).dump() == "-42");
  }
  SECTION("unsigned integers are UInt only above INT64_MAX") {
    CHECK(Json(5u).type() == Json::Type::Int);
    CHECK(Json(5u).asInt() == 5);
    CHECK(Json(std::uint64_t{9223372036854775807u}).type() == Json::Type::Int);
    const Json big(std::numeric_limits<std::uint64_t>::max());
    CHECK(big.type() == Json::Type::UInt);
    CHECK(big.asUInt() == 18446744073709551615u);
    CHECK(big.dump() == "18446744073709551615");
  }
  SECTION("doubles") {
    CHECK(Json(1.5).type() == Json::Type::Double);
    CHECK(Json(1.5).asDouble() == 1.5);
    CHECK(Json(1.0).dump() == "1.0");
  }
  SECTION("asDouble converts any number") {
    CHECK(Json(-3).asDouble() == -3.0);
    CHECK(Json(std::numeric_limits<std::uint64_t>::max()).asDouble() == 18446744073709551615.0);
    CHECK(Json(true).isNumber() == false);
    CHECK(Json(1).isNumber());
    CHECK(Json(1.0).isNumber());
  }
  SECTION("strings from const char*, std::string and std::string_view") {
    CHECK(Json("a").type() == Json::Type::String);
    CHECK(Json(std::string("b")).asString() == "b");
    CHECK(Json(std::string_view("cd", 1)).asString() == "c");
    CHECK(Json("x").dump() == "\"x\"");
  }
  SECTION("arrays") {
    Json value = Json::array();
    CHECK(value.isArray());
    value.asArray().push_back(1);
    value.asArray().push_back("two");
    CHECK(value.asArray().size() == 2);
    CHECK(value.dump() == "[1,\"two\"]");
  }
  SECTION("objects") {
    Json value = Json::object();
    CHECK(value.isObject());
    value.set("k", 1);
    CHECK(value.find("k") != nullptr);
    CHECK(*value.find("k") == Json(1));
    CHECK(value.find("missing") == nullptr);
    CHECK(value.dump() == "{\"k\":1}");
  }
  SECTION("an accessor of the wrong type throws std::bad_variant_access") {
    CHECK_THROWS_AS(Json(1).asString(), std::bad_variant_access);
    CHECK_THROWS_AS(Json("1").asInt(), std::bad_variant_access);
    CHECK_THROWS_AS(Json(1).asUInt(), std::bad_variant_access);
    CHECK_THROWS_AS(Json().asBool(), std::bad_variant_access);
    CHECK_THROWS_AS(Json("x").asDouble(), std::bad_variant_access);
    CHECK_THROWS_AS(Json::array().set("k", 1), std::bad_variant_access);
  }
  SECTION("find on a non-object is nullptr") {
    CHECK(Json(1).find("k") == nullptr);
    CHECK(Json::array().find("k") == nullptr);
  }
}

TEST_CASE("Json::parse reads every type and dump writes it back compactly", "[json]") {
  const std::string text =
      R"({"n":null,"t":true,"f":false,"i":-42,"u":18446744073709551615,"d":1.5,"s":"x",)"
      R"("a":[1,[],{}],"o":{"p":{}}})";
  const Json value = Json::parse(text);
  REQUIRE(value.isObject());
  CHECK(value.find("n")->isNull());
  CHECK(value.find("t")->asBool());
  CHECK_FALSE(value.find("f")->asBool());
  CHECK(value.find("i")->asInt() == -42);
  CHECK(value.find("u")->asUInt() == 18446744073709551615u);
  CHECK(value.find("d")->asDouble() == 1.5);
  CHECK(value.find("s")->asString() == "x");
  CHECK(value.find("a")->asArray().size() == 3);
  CHECK(value.find("o")->find("p")->isObject());
  CHECK(value.dump() == text);
}

TEST_CASE("Json::parse accepts whitespace around tokens and a scalar document", "[json]") {
  CHECK(Json::parse(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n ").dump() == R"({"a":[1,2]})");
  CHECK(Json::parse("7") == Json(7));
  CHECK(Json::parse("\"s\"") == Json("s"));
  CHECK(Json::parse("null").isNull());
}

TEST_CASE("Integers and doubles keep their kind through parse", "[json]") {
  CHECK(Json::parse("1").type() == Json::Type::Int);
  CHECK(Json::parse("1.0").type() == Json::Type::Double);
  CHECK(Json::parse("1e2").type() == Json::Type::Double);
  CHECK(Json::parse("1.0").dump() == "1.0");
  CHECK(Json::parse("18446744073709551616").type() == Json::Type::Double);
}

// ---------------------------------------------------------------------------------------------
// Objects keep insertion order

TEST_CASE("JsonObject keeps keys in insertion order", "[json]") {
  SECTION("set appends new keys and replaces existing ones in place") {
    JsonObject object;
    object.set("z", 1);
    object.set("a", 2);
    object.set("m", 3);
    object.set("a", "two");
    REQUIRE(object.size() == 3);
    auto it = object.begin();
    CHECK(it->first == "z");
    CHECK((++it)->first == "a");
    CHECK(it->second == Json("two"));
    CHECK((++it)->first == "m");
    CHECK(Json(object).dump() == R"({"z":1,"a":"two","m":3})");
  }
  SECTION("an initializer list keeps its order; a later duplicate replaces the value") {
    const JsonObject object{{"b", 1}, {"a", 2}, {"b", 3}};
    CHECK(Json(object).dump() == R"({"b":3,"a":2})");
    CHECK(Json::object({{"y", 1}, {"x", 2}}).dump() == R"({"y":1,"x":2})");
  }
  SECTION("operator[] appends null for a missing key and returns existing values") {
    JsonObject object{{"a", 1}};
    CHECK(object["a"] == Json(1));
    CHECK(object["b"].isNull());
    object["c"] = true;
    CHECK(Json(object).dump() == R"({"a":1,"b":null,"c":true})");
  }
  SECTION("erase removes a key and keeps the others' order") {
    JsonObject object{{"a", 1}, {"b", 2}, {"c", 3}};
    CHECK(object.erase("b"));
    CHECK_FALSE(object.erase("b"));
    CHECK_FALSE(object.contains("b"));
    CHECK(object.contains("c"));
    CHECK(Json(object).dump() == R"({"a":1,"c":3})");
  }
  SECTION("clear and empty") {
    JsonObject object{{"a", 1}};
    CHECK_FALSE(object.empty());
    object.clear();
    CHECK(object.empty());
    CHECK(object.size() == 0);
  }
  SECTION("parse keeps the document's key order, nested too") {
    const std::string text = R"({"z":1,"a":{"y":2,"b":3,"x":4},"m":[{"q":1,"p":2}]})";
    CHECK(Json::parse(text).dump() == text);
  }
}

// ---------------------------------------------------------------------------------------------
// Equality

TEST_CASE("Json equality compares type and content", "[json]") {
  SECTION("objects are equal whatever their key order") {
    CHECK(Json::parse(R"({"a":1,"b":{"c":2,"d":3}})") ==
          Json::parse(R"({"b":{"d":3,"c":2},"a":1})"));
    CHECK(JsonObject{{"a", 1}, {"b", 2}} == JsonObject{{"b", 2}, {"a", 1}});
  }
  SECTION("objects with different keys or values differ") {
    CHECK(Json::parse(R"({"a":1})") != Json::parse(R"({"a":2})"));
    CHECK(Json::parse(R"({"a":1})") != Json::parse(R"({"b":1})"));
    CHECK(Json::parse(R"({"a":1})") != Json::parse(R"({"a":1,"b":1})"));
    CHECK(JsonObject{{"a", 1}} != JsonObject{});
  }
  SECTION("arrays are order-sensitive") {
    CHECK(Json::parse("[1,2]") == Json::parse("[1,2]"));
    CHECK(Json::parse("[1,2]") != Json::parse("[2,1]"));
    CHECK(Json::parse("[1]") != Json::parse("[1,1]"));
  }
  SECTION("an integer never equals a double") {
    CHECK(Json(1) != Json(1.0));
    CHECK(Json::parse("1") != Json::parse("1.0"));
    CHECK(Json::parse("[1]") != Json::parse("[1.0]"));
  }
  SECTION("-0.0 differs from 0.0, also nested") {
    CHECK(Json(-0.0) != Json(0.0));
    CHECK(Json(-0.0) == Json(-0.0));
    CHECK(Json::parse("[-0.0]") != Json::parse("[0.0]"));
    CHECK(Json::parse(R"({"a":-0.0})") != Json::parse(R"({"a":0.0})"));
  }
  SECTION("an unsigned value that fits int64 equals the same signed value") {
    CHECK(Json(5u) == Json(5));
    CHECK(Json(std::uint64_t{7}) == Json::parse("7"));
  }
  SECTION("values of different types differ") {
    CHECK(Json() != Json(false));
    CHECK(Json(0) != Json(false));
    CHECK(Json("1") != Json(1));
    CHECK(Json::array() != Json::object());
    CHECK(Json() == Json(nullptr));
  }
}

// ---------------------------------------------------------------------------------------------
// Exact numbers

TEST_CASE("64-bit integers survive parse -> dump exactly", "[json]") {
  SECTION("2^53 + 1 stays an integer") {
    const Json value = Json::parse("9007199254740993");
    CHECK(value.type() == Json::Type::Int);
    CHECK(value.asInt() == 9007199254740993);
    CHECK(value.dump() == "9007199254740993");
  }
  SECTION("INT64_MIN") {
    const Json value = Json::parse("-9223372036854775808");
    CHECK(value.type() == Json::Type::Int);
    CHECK(value.asInt() == std::numeric_limits<std::int64_t>::min());
    CHECK(value.dump() == "-9223372036854775808");
  }
  SECTION("INT64_MAX") {
    const Json value = Json::parse("9223372036854775807");
    CHECK(value.type() == Json::Type::Int);
    CHECK(value.dump() == "9223372036854775807");
  }
  SECTION("UINT64_MAX") {
    const Json value = Json::parse("18446744073709551615");
    CHECK(value.type() == Json::Type::UInt);
    CHECK(value.asUInt() == std::numeric_limits<std::uint64_t>::max());
    CHECK(value.dump() == "18446744073709551615");
  }
  SECTION("inside containers") {
    const std::string text =
        R"({"a":[9007199254740993,-9223372036854775808,18446744073709551615]})";
    CHECK(Json::parse(text).dump() == text);
  }
}

TEST_CASE("Doubles round-trip to the same bits", "[json]") {
  struct Case {
    double value;
    const char* text;
  };
  const Case cases[] = {
      {-0.0, "-0.0"},
      {1e308, "1e308"},
      {0.1, "0.1"},
      {5e-324, "5e-324"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    SECTION(std::string("value -> dump -> parse: ") + c.text) {
      const std::string text = Json(c.value).dump();
      CHECK(text == c.text);
      const Json back = Json::parse(text);
      REQUIRE(back.type() == Json::Type::Double);
      CHECK(bitsOf(back.asDouble()) == bitsOf(c.value));
    }
    SECTION(std::string("text -> parse -> dump: ") + c.text) {
      const Json parsed = Json::parse(c.text);
      REQUIRE(parsed.type() == Json::Type::Double);
      CHECK(bitsOf(parsed.asDouble()) == bitsOf(c.value));
      CHECK(parsed.dump() == c.text);
    }
  }
  SECTION("-0.0 keeps its sign") { CHECK(std::signbit(Json::parse("-0.0").asDouble())); }
}

// ---------------------------------------------------------------------------------------------
// Strings and escapes

TEST_CASE("Escapes in strings are decoded on parse and re-encoded on dump", "[json]") {
  SECTION("quote, backslash, newline, tab") {
    const std::string text = R"("a\"b\\c\nd\te")";
    const Json value = Json::parse(text);
    CHECK(value.asString() == "a\"b\\c\nd\te");
    CHECK(value.dump() == text);
  }
  SECTION("the short escapes \\b \\f \\r and an escaped solidus") {
    const Json value = Json::parse(R"("\b\f\r\/")");
    CHECK(value.asString() == "\b\f\r/");
    CHECK(value.dump() == R"("\b\f\r/")");
  }
  SECTION("\\u0000 keeps an embedded NUL") {
    const Json value = Json::parse(R"("x\u0000y")");
    REQUIRE(value.asString().size() == 3);
    CHECK(value.asString() == std::string("x\0y", 3));
    CHECK(value.dump() == R"("x\u0000y")");
  }
  SECTION("other control characters are escaped as \\u00XX on output") {
    CHECK(Json(std::string("\x01\x1f", 2)).dump() == R"("\u0001\u001F")");
    CHECK(Json(std::string("\0", 1)).dump() == R"("\u0000")");
  }
  SECTION("\\u escapes of BMP characters decode to UTF-8, written back raw") {
    const Json value = Json::parse(R"("caf\u00e9 \u20AC")");
    CHECK(value.asString() == "caf\xC3\xA9 \xE2\x82\xAC");
    CHECK(value.dump() == "\"caf\xC3\xA9 \xE2\x82\xAC\"");
  }
  SECTION("raw UTF-8 passes through unchanged") {
    const std::string text = "\"\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80\"";
    CHECK(Json::parse(text).dump() == text);
  }
  SECTION("escapes in keys") {
    const Json value = Json::parse(R"({"a\"b\n":1})");
    CHECK(value.find("a\"b\n") != nullptr);
    CHECK(value.dump() == R"({"a\"b\n":1})");
  }
}

TEST_CASE("A surrogate pair escape decodes to one 4-byte UTF-8 character", "[json]") {
  SECTION("lower-case hex") {
    CHECK(Json::parse(R"("\ud83d\ude00")").asString() == "\xF0\x9F\x98\x80");
  }
  SECTION("upper-case hex") {
    CHECK(Json::parse(R"("\uD83D\uDE00")").asString() == "\xF0\x9F\x98\x80");
  }
  SECTION("the highest code point") {
    CHECK(Json::parse(R"("\udbff\udfff")").asString() == "\xF4\x8F\xBF\xBF");
  }
  SECTION("written back as raw UTF-8") {
    CHECK(Json::parse(R"("\ud83d\ude00")").dump() == "\"\xF0\x9F\x98\x80\"");
  }
}

TEST_CASE("A lone high surrogate is a DeserializationError", "[json]") {
  SECTION("at the end of the string") { parseError(R"("\ud83d")"); }
  SECTION("followed by a plain character") { parseError(R"("\ud83dx")"); }
  SECTION("followed by an escape that is not a low surrogate") { parseError(R"("\ud83d\u0041")"); }
  SECTION("followed by a second high surrogate") { parseError(R"("\ud83d\ud83d")"); }
}

// RapidJSON 1.1 only pairs high surrogates; the library refuses the lone low ones itself.
TEST_CASE("A lone low surrogate is a DeserializationError", "[json]") {
  CHECK_THROWS_AS(Json::parse(R"("\ude00")"), DeserializationError);
  CHECK_THROWS_AS(Json::parse(R"(["a","\udc00"])"), DeserializationError);
}

TEST_CASE("Invalid UTF-8 in the input is a DeserializationError", "[json]") {
  SECTION("a lead byte followed by a non-continuation byte") {
    CHECK_THROWS_WITH(Json::parse("\"\xC3\x28\""), Contains("not valid JSON"));
  }
  SECTION("an overlong encoding of '/'") { parseError("\"\xC0\xAF\""); }
  SECTION("an encoded UTF-16 surrogate (CESU-8)") { parseError("\"\xED\xA0\x80\""); }
  SECTION("a truncated sequence") { parseError("\"\xE2\x82\""); }
  SECTION("a stray continuation byte") { parseError("\"\x80\""); }
  SECTION("a code point above U+10FFFF") { parseError("\"\xF4\x90\x80\x80\""); }
  SECTION("in an object key") { parseError("{\"\xC3\x28\":1}"); }
  SECTION("outside a string") { parseError("[\xC3\xA9]"); }
}

TEST_CASE("Dumping a string that is not valid UTF-8 is a ValidationError", "[json]") {
  SECTION("a top-level string") {
    const ValidationError e = dumpError(Json(std::string("\xC3\x28")));
    CHECK(e.field() == "/");
    CHECK_THAT(e.reason(), Contains("UTF-8"));
  }
  SECTION("a nested string names its JSON pointer") {
    const Json value = Json::object({{"a", Json::Array{Json("ok"), Json("\xC0\xAF")}}});
    CHECK(dumpError(value).field() == "/a/1");
  }
  SECTION("a key that is not UTF-8") {
    const Json value = Json::object({{"\xED\xA0\x80", 1}});
    CHECK_THROWS_AS(value.dump(), ValidationError);
  }
  SECTION("pretty dump validates too") {
    const Json value = Json::object({{"a", "\xC3\x28"}});
    CHECK(dumpError(value, true).field() == "/a");
  }
}

TEST_CASE("Dumping NaN or an infinity is a ValidationError", "[json]") {
  SECTION("NaN") { CHECK_THROWS_AS(Json(std::nan("")).dump(), ValidationError); }
  SECTION("+infinity") {
    CHECK_THROWS_AS(Json(std::numeric_limits<double>::infinity()).dump(), ValidationError);
  }
  SECTION("-infinity") {
    CHECK_THROWS_AS(Json(-std::numeric_limits<double>::infinity()).dump(), ValidationError);
  }
  SECTION("nested, with the pointer and the reason") {
    const Json value = Json::object({{"x", Json::Array{Json(1.0), Json(std::nan(""))}}});
    const ValidationError e = dumpError(value);
    CHECK(e.field() == "/x/1");
    CHECK_THAT(e.reason(), Contains("finite"));
  }
  SECTION("pretty dump") {
    CHECK_THROWS_AS(Json(std::numeric_limits<double>::infinity()).dump(true), ValidationError);
  }
}

// ---------------------------------------------------------------------------------------------
// Limits

TEST_CASE("100,000 nested containers are a clean depth-limit error", "[json]") {
  SECTION("unclosed arrays") {
    const DeserializationError e = parseError(repeat("[", 100000));
    CHECK_THAT(e.what(), Contains("nested deeper than the limit of 64 levels"));
    CHECK(e.pointer() == zeros(64));
  }
  SECTION("closed arrays") {
    const DeserializationError e = parseError(nestedArrays(100000));
    CHECK_THAT(e.what(), Contains("nested deeper than the limit of 64 levels"));
  }
  SECTION("objects {\"a\": nested 100,000 times") {
    const DeserializationError e = parseError(repeat(R"({"a":)", 100000));
    CHECK_THAT(e.what(), Contains("nested deeper than the limit of 64 levels"));
    CHECK(e.pointer() == repeat("/a", 64));
  }
  SECTION("with a huge maxDepth, clamped to the ceiling") {
    JsonParseOptions options;
    options.maxDepth = 1000000;
    const DeserializationError e = parseError(repeat("[", 100000), options);
    CHECK_THAT(e.what(), Contains("limit of 512 levels"));
  }
}

TEST_CASE("maxDepth is respected exactly", "[json]") {
  SECTION("default: 64 levels parse, 65 are refused") {
    CHECK(Json::parse(nestedArrays(64)).dump() == nestedArrays(64));
    CHECK_THROWS_AS(Json::parse(nestedArrays(65)), DeserializationError);
  }
  SECTION("default: objects count the same way") {
    const std::string deep64 = repeat(R"({"a":)", 63) + "{}" + repeat("}", 63);
    const std::string deep65 = repeat(R"({"a":)", 64) + "{}" + repeat("}", 64);
    CHECK(Json::parse(deep64).dump() == deep64);
    CHECK_THROWS_AS(Json::parse(deep65), DeserializationError);
  }
  SECTION("custom maxDepth 3") {
    JsonParseOptions options;
    options.maxDepth = 3;
    CHECK_NOTHROW(Json::parse("[[[]]]", options));
    CHECK_NOTHROW(Json::parse(R"({"a":[{"b":1}]})", options));
    const DeserializationError e = parseError("[[[[]]]]", options);
    CHECK_THAT(e.what(), Contains("limit of 3 levels"));
    CHECK(e.pointer() == "/0/0/0");
  }
  SECTION("maxDepth 1 allows one container and scalars") {
    JsonParseOptions options;
    options.maxDepth = 1;
    CHECK_NOTHROW(Json::parse("[1,2]", options));
    CHECK_NOTHROW(Json::parse("1", options));
    CHECK_THROWS_AS(Json::parse("[[]]", options), DeserializationError);
  }
  SECTION("the ceiling: 512 levels parse with a larger maxDepth, 513 do not") {
    JsonParseOptions options;
    options.maxDepth = 10000;
    CHECK_NOTHROW(Json::parse(nestedArrays(512), options));
    CHECK_THROWS_AS(Json::parse(nestedArrays(513), options), DeserializationError);
  }
}

TEST_CASE("maxBytes limits the document size", "[json]") {
  const std::string text = R"({"a":"0123456789"})";  // 18 bytes
  REQUIRE(text.size() == 18);
  JsonParseOptions options;
  SECTION("a document of exactly maxBytes parses") {
    options.maxBytes = 18;
    CHECK_NOTHROW(Json::parse(text, options));
  }
  SECTION("one byte more is refused before parsing") {
    options.maxBytes = 17;
    const DeserializationError e = parseError(text, options);
    CHECK(e.pointer().empty());
    CHECK_THAT(e.what(), Contains("18 bytes") && Contains("limit of 17"));
  }
  SECTION("the default is 16 MiB") { CHECK(JsonParseOptions{}.maxBytes == 16u * 1024u * 1024u); }
}

// ---------------------------------------------------------------------------------------------
// Strictness

TEST_CASE("Json::parse rejects anything that is not exactly one RFC 8259 value", "[json]") {
  SECTION("trailing garbage") {
    for (const char* text : {"{} x", "1 2", "[1]]", "{}{}", "true false", "\"a\" ,"}) {
      CAPTURE(text);
      CHECK_THROWS_AS(Json::parse(text), DeserializationError);
    }
  }
  SECTION("empty input and whitespace only") {
    CHECK_THROWS_AS(Json::parse(""), DeserializationError);
    CHECK_THROWS_AS(Json::parse(" \n\t "), DeserializationError);
  }
  SECTION("trailing commas") {
    CHECK_THROWS_AS(Json::parse("[1,]"), DeserializationError);
    CHECK_THROWS_AS(Json::parse(R"({"a":1,})"), DeserializationError);
  }
  SECTION("comments") {
    for (const char* text : {"// c\n1", "/* c */ 1", "[1 /* c */]", "1 // c"}) {
      CAPTURE(text);
      CHECK_THROWS_AS(Json::parse(text), DeserializationError);
    }
  }
  SECTION("a NUL byte after the value") {
    for (const std::string& text : {std::string("{}\0", 3), std::string("1\0", 2),
                                    std::string("\"a\"\0 ", 5), std::string("[1]\0[2]", 7)}) {
      CAPTURE(text.size());
      CHECK_THROWS_WITH(Json::parse(text), Contains("NUL"));
    }
  }
  SECTION("a NUL byte inside a value") {
    CHECK_THROWS_AS(Json::parse(std::string("\"a\0b\"", 5)), DeserializationError);
    CHECK_THROWS_AS(Json::parse(std::string("[1,\0 2]", 7)), DeserializationError);
  }
  SECTION("non-JSON literals and numbers") {
    for (const char* text : {"NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "'a'",
                             "{a:1}", "True", "nul", "\"\\x41\""}) {
      CAPTURE(text);
      CHECK_THROWS_AS(Json::parse(text), DeserializationError);
    }
  }
  SECTION("an unescaped control character in a string") {
    CHECK_THROWS_AS(Json::parse("\"a\nb\""), DeserializationError);
  }
  SECTION("unterminated values") {
    for (const char* text : {"[1", R"({"a":1)", "\"abc", R"({"a")", "tru"}) {
      CAPTURE(text);
      CHECK_THROWS_AS(Json::parse(text), DeserializationError);
    }
  }
}

TEST_CASE("A duplicate key in an object is an error naming the key", "[json]") {
  SECTION("at the top level") {
    const DeserializationError e = parseError(R"({"a":1,"b":2,"a":3})");
    CHECK_THAT(e.what(), Contains("'a'") && Contains("more than once"));
    CHECK(e.pointer().empty());
  }
  SECTION("in a nested object, pointer names that object") {
    const DeserializationError e = parseError(R"({"x":[{},{"k":1,"k":{}}]})");
    CHECK_THAT(e.what(), Contains("'k'"));
    CHECK(e.pointer() == "/x/1");
  }
  SECTION("the same key spelled with an escape") {
    const DeserializationError e = parseError(R"({"a":1,"\u0061":2})");
    CHECK_THAT(e.what(), Contains("'a'"));
  }
  SECTION("in a large object") {
    std::string text = "{";
    for (int i = 0; i < 2000; ++i)
      text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    text += "\"k1234\":0}";
    CHECK_THAT(parseError(text).what(), Contains("'k1234'"));
  }
}

TEST_CASE("DeserializationError::pointer names the offending value", "[json]") {
  SECTION("depth overflow inside {\"a\":[{\"b\":[...]}]}") {
    JsonParseOptions options;
    options.maxDepth = 4;
    CHECK_NOTHROW(Json::parse(R"({"a":[{"b":[]}]})", options));
    CHECK(parseError(R"({"a":[{"b":[[]]}]})", options).pointer() == "/a/0/b/0");
  }
  SECTION("100,000-deep overflow inside {\"a\":[{\"b\":[...]}]} with the default limit") {
    const std::string text = R"({"a":[{"b":)" + repeat("[", 100000);
    // Levels 1-4 are {, [, {, [; the arrays at levels 5..65 are each element 0 of the previous.
    CHECK(parseError(text).pointer() == "/a/0/b" + zeros(61));
  }
  SECTION("depth overflow in a later array element") {
    JsonParseOptions options;
    options.maxDepth = 2;
    CHECK(parseError("[[],[[]]]", options).pointer() == "/1/0");
  }
  SECTION("a syntax error in a nested member value") {
    CHECK(parseError(R"({"a":{"b":tru}})").pointer() == "/a/b");
  }
  SECTION("keys with '/' and '~' are escaped in the pointer") {
    CHECK(parseError(R"({"a/b":{"c~d":x}})").pointer() == "/a~1b/c~0d");
  }
  SECTION("an error in the first element of a nested array") {
    CHECK(parseError(R"({"a":[x]})").pointer() == "/a/0");
  }
  SECTION("the whole document") { CHECK(parseError("[1] 2").pointer().empty()); }
}

TEST_CASE("DeserializationError::pointer names a later array element that fails", "[json]") {
  CHECK(parseError(R"({"a":["ok","\xC3\x28"]})").pointer() == "/a/1");
}

TEST_CASE("DeserializationError::pointer names an object that fails before its first key",
          "[json]") {
  CHECK(parseError(R"({"a":{,}})").pointer() == "/a");
}

TEST_CASE("DeserializationError messages name the JSON value", "[json]") {
  CHECK_THAT(parseError(R"({"a":[x]})").what(), Contains("JSON value at '/a/0'"));
  CHECK_THAT(parseError("").what(), Contains("JSON document"));
}

// ---------------------------------------------------------------------------------------------
// Pretty output

TEST_CASE("Pretty dump indents with two spaces", "[json]") {
  const Json value = Json::object({{"a", 1},
                                   {"b", Json::Array{true, nullptr}},
                                   {"c", Json::object()},
                                   {"d", Json::array()},
                                   {"e", Json::object({{"f", "g"}})}});
  SECTION("exactly") {
    CHECK(value.dump(true) ==
          "{\n"
          "  \"a\": 1,\n"
          "  \"b\": [\n"
          "    true,\n"
          "    null\n"
          "  ],\n"
          "  \"c\": {},\n"
          "  \"d\": [],\n"
          "  \"e\": {\n"
          "    \"f\": \"g\"\n"
          "  }\n"
          "}");
  }
  SECTION("and parses back to an equal value") { CHECK(Json::parse(value.dump(true)) == value); }
  SECTION("a scalar is written as is") { CHECK(Json(1.5).dump(true) == "1.5"); }
}

TEST_CASE("Dump does not recurse on a deep value", "[json]") {
  JsonParseOptions options;
  options.maxDepth = JsonParseOptions::kDepthCeiling;
  const Json deep = Json::parse(nestedArrays(512), options);
  CHECK(deep.dump() == nestedArrays(512));
  CHECK(Json::parse(deep.dump(true), options) == deep);
}

TEST_CASE("numbers are read by the C library, exactly, and out-of-range ones are refused",
          "[json]") {
  CHECK_THROWS_AS(Json::parse("6e308"), DeserializationError);
  CHECK_THROWS_AS(Json::parse("[-2e308]"), DeserializationError);
  CHECK(Json::parse("0e81") == Json(0.0));
  CHECK(Json::parse("1e-400") == Json(0.0));  // underflow rounds to zero
  CHECK(Json::parse("123456789012345678901234567890").asDouble() == 1.2345678901234568e29);
  CHECK(Json::parse("-9223372036854775809").type() == Json::Type::Double);
  CHECK(Json::parse("-9223372036854775808").asInt() == INT64_MIN);
  CHECK(Json::parse("0.1").asDouble() == 0.1);
  CHECK(Json::parse("5e-324").asDouble() == 5e-324);
}

TEST_CASE("a string ending in a truncated UTF-8 sequence is refused on dump", "[json]") {
  CHECK_THROWS_AS(Json(std::string("aaaa\xe6")).dump(), msgraph::ValidationError);
  CHECK_THROWS_AS(Json::object({{std::string("k\xe6"), 1}}).dump(), msgraph::ValidationError);
}
