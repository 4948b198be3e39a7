// SPDX-License-Identifier: MIT
// The response header collector: from the lines libcurl's header callback passes, the final
// response's fields as the header API would give them.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

// Private header: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "http/response_header_lines.hpp"

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields collected(const std::vector<std::string>& lines) {
  msgraph::detail::ResponseHeaderLines collector;
  for (const std::string& line : lines) collector.add(line);
  const msgraph::HttpHeaders headers = collector.take();
  return Fields(headers.begin(), headers.end());
}

}  // namespace

TEST_CASE("response header lines give the final response's fields", "[http]") {
  SECTION("names keep their spelling, values lose the whitespace around them") {
    CHECK(collected({"HTTP/1.1 200 OK\r\n", "Content-Type: application/json\r\n",
                     "request-id:\t 42 \r\n", "X-Empty:\r\n", "\r\n"}) ==
          Fields{{"Content-Type", "application/json"}, {"request-id", "42"}, {"X-Empty", ""}});
  }
  SECTION("repeated fields stay apart, in order") {
    CHECK(collected({"HTTP/2 204 \r\n", "vary: a\r\n", "Vary: b\r\n", "\r\n"}) ==
          Fields{{"vary", "a"}, {"Vary", "b"}});
  }
  SECTION("a 1xx answer's fields and a proxy's CONNECT answer's are dropped") {
    CHECK(collected({"HTTP/1.1 200 Connection established\r\n", "Proxy-Agent: p\r\n", "\r\n",
                     "HTTP/1.1 100 Continue\r\n", "X-Early: 1\r\n", "\r\n",
                     "HTTP/1.1 429 Too Many Requests\r\n", "Retry-After: 3\r\n", "\r\n"}) ==
          Fields{{"Retry-After", "3"}});
  }
  SECTION("trailers after the empty line are not kept") {
    CHECK(collected({"HTTP/1.1 200 OK\r\n", "Transfer-Encoding: chunked\r\n", "\r\n",
                     "X-Trailer: late\r\n", "\r\n"}) == Fields{{"Transfer-Encoding", "chunked"}});
  }
  SECTION("a folded line continues the previous value after one space") {
    CHECK(collected({"HTTP/1.1 200 OK\r\n", "X-Long: first\r\n", " \t second part \r\n",
                     "X-Next: n\r\n", "\r\n"}) ==
          Fields{{"X-Long", "first second part"}, {"X-Next", "n"}});
    CHECK(collected({"HTTP/1.1 200 OK\r\n", " orphan continuation\r\n", "X-A: a\r\n"}) ==
          Fields{{"X-A", "a"}});
  }
  SECTION("bare LF endings, lines without a colon, a take() that empties") {
    CHECK(collected({"HTTP/1.0 200 OK\n", "X-A: a\n", "garbage\n", "\n"}) == Fields{{"X-A", "a"}});
    msgraph::detail::ResponseHeaderLines collector;
    collector.add("HTTP/1.1 204 No Content\r\n");
    collector.add("X-A: a\r\n");
    CHECK(collector.take().size() == 1);
    CHECK(collector.take().empty());
  }
}
