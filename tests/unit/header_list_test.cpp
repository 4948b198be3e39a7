// SPDX-License-Identifier: MIT
// The request header list the transports hand libcurl: entries in one buffer kept between
// requests, linked as a curl_slist.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

// Private header: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "http/curl_handle_config.hpp"
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

TEST_CASE("the transport's header list: an empty Expect only over 1 KiB, Content-Type kept",
          "[http]") {
  msgraph::HttpRequest request;
  request.method = msgraph::HttpMethod::Put;
  request.url = "https://graph.microsoft.com/v1.0/x";
  msgraph::detail::HeaderList list;
  SECTION("libcurl asks for 100 Continue over 1 KiB at the least, so the list says no there") {
    request.headers.add("content-type", "application/json");
    request.body.assign(1024, 'a');
    CHECK(entries(msgraph::detail::buildHeaderList(request, list)) ==
          std::vector<std::string>{"content-type: application/json"});
    request.body.push_back('a');
    CHECK(entries(msgraph::detail::buildHeaderList(request, list)) ==
          std::vector<std::string>{"content-type: application/json", "Expect:"});
  }
  SECTION("a body without Content-Type gets an empty one, not libcurl's form type") {
    request.body = "{}";
    CHECK(entries(msgraph::detail::buildHeaderList(request, list)) ==
          std::vector<std::string>{"Content-Type:"});
    request.method = msgraph::HttpMethod::Get;
    request.body.clear();
    CHECK(msgraph::detail::buildHeaderList(request, list) == nullptr);
  }
}
