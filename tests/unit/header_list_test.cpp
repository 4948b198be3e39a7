// SPDX-License-Identifier: MIT
// The request header list the transports hand libcurl: entries in one buffer kept between
// requests, linked as a curl_slist.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

// Private header: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "http/header_list.hpp"

namespace {

std::vector<std::string> entries(const curl_slist* list) {
  std::vector<std::string> out;
  for (; list != nullptr; list = list->next) out.emplace_back(list->data);
  return out;
}

}  // namespace

TEST_CASE("a header list links its entries in order and is reused", "[http]") {
  msgraph::detail::HeaderList list;
  CHECK(list.link() == nullptr);
  list.add("Accept", ": ", "application/json");
  list.add("X-Empty", ";", "");
  CHECK(entries(list.link()) == std::vector<std::string>{"Accept: application/json", "X-Empty;"});
  CHECK_FALSE(list.hasLineBreakOrNul());

  SECTION("clear() starts afresh") {
    list.clear();
    CHECK(list.link() == nullptr);
    list.add("A", ": ", "1");
    CHECK(entries(list.link()) == std::vector<std::string>{"A: 1"});
  }
  SECTION("entries survive the buffer growing, many times over its first room") {
    std::vector<std::string> expected{"Accept: application/json", "X-Empty;"};
    for (int i = 0; i < 200; ++i) {
      const std::string name = "X-Header-" + std::to_string(i);
      const std::string value(static_cast<std::size_t>(i), static_cast<char>('a' + i % 26));
      list.add(name, value.empty() ? ";" : ": ", value);
      expected.push_back(name + (value.empty() ? ";" : ": ") + value);
    }
    CHECK(entries(list.link()) == expected);
    CHECK_FALSE(list.hasLineBreakOrNul());
  }
}

TEST_CASE("a header list finds a line break or NUL in any entry", "[http]") {
  const std::string bad = GENERATE(std::string("a\r\nX: 1"), std::string("a\nb"),
                                   std::string("a\rb"), std::string("a\0b", 3));
  msgraph::detail::HeaderList list;
  list.add("First", ": ", "ok");
  SECTION("in a value") { list.add("Second", ": ", bad); }
  SECTION("in a name") { list.add(bad, ": ", "ok"); }
  list.add("Last", ": ", "ok");
  CHECK(list.hasLineBreakOrNul());
}
