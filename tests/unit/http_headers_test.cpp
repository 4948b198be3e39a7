// SPDX-License-Identifier: MIT
// HttpHeaders: an ordered field list with case-insensitive names.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "msgraph/http_headers.hpp"

namespace {

using Fields = std::vector<msgraph::HttpHeaders::Field>;

Fields fieldsOf(const msgraph::HttpHeaders& headers) { return {headers.begin(), headers.end()}; }

}  // namespace

TEST_CASE("header fields keep their order and spelling, and names match in any case", "[headers]") {
  msgraph::HttpHeaders headers;
  CHECK(headers.empty());
  headers.add("Vary", "Accept");
  headers.add("request-id", "1");
  headers.add("VARY", "Origin");
  CHECK(fieldsOf(headers) == Fields{{"Vary", "Accept"}, {"request-id", "1"}, {"VARY", "Origin"}});
  CHECK(headers.get("vary") == "Accept");  // the first of repeated fields
  CHECK(headers.contains("Request-ID"));
  CHECK_FALSE(headers.get("Retry-After").has_value());

  SECTION("set() leaves one field, where the first was") {
    headers.set("vary", "*");
    CHECK(fieldsOf(headers) == Fields{{"Vary", "*"}, {"request-id", "1"}});
    headers.set("Retry-After", "5");
    CHECK(fieldsOf(headers).back() == msgraph::HttpHeaders::Field{"Retry-After", "5"});
  }
  SECTION("remove() drops every field of the name and counts them") {
    CHECK(headers.remove("vary") == 2);
    CHECK(headers.remove("vary") == 0);
    CHECK(fieldsOf(headers) == Fields{{"request-id", "1"}});
    headers.clear();
    CHECK(headers.size() == 0);
  }
}

TEST_CASE("headers made from fields hold them as given", "[headers]") {
  const msgraph::HttpHeaders headers(
      Fields{{"Date", "Tue, 01 Dec 2026 21:33:08 GMT"}, {"vary", "a"}, {"Vary", "b"}});
  CHECK(fieldsOf(headers) ==
        Fields{{"Date", "Tue, 01 Dec 2026 21:33:08 GMT"}, {"vary", "a"}, {"Vary", "b"}});
  CHECK(headers.get("VARY") == "a");
  CHECK(msgraph::HttpHeaders(Fields{}).empty());
}
