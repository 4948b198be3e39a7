// SPDX-License-Identifier: MIT
// The one ASCII case-insensitive comparison and the one loopback rule that the library, the
// tool and the emulator share.
#include <catch2/catch.hpp>

#include <string>

#include "msgraph/ascii.hpp"
#include "msgraph/loopback.hpp"

TEST_CASE("asciiEqualsIgnoreCase folds ASCII letters only, without a locale", "[core]") {
  CHECK(msgraph::asciiEqualsIgnoreCase("Content-Type", "content-TYPE"));
  CHECK(msgraph::asciiEqualsIgnoreCase("", ""));
  CHECK_FALSE(msgraph::asciiEqualsIgnoreCase("Bearer", "Bearer "));
  CHECK_FALSE(msgraph::asciiEqualsIgnoreCase("a", "b"));
  CHECK_FALSE(msgraph::asciiEqualsIgnoreCase("@", "`"));  // 0x40 and 0x60: not letters
  CHECK_FALSE(msgraph::asciiEqualsIgnoreCase("\xc3\x84", "\xc3\xa4"));  // UTF-8 Ä and ä
  CHECK(msgraph::asciiLower('Z') == 'z');
  CHECK(msgraph::asciiLower('[') == '[');
  CHECK(msgraph::asciiUpper('a') == 'A');
  CHECK(msgraph::asciiUpper('{') == '{');
}

TEST_CASE("asciiContainsIgnoreCase finds a part anywhere, folding ASCII letters only", "[core]") {
  CHECK(msgraph::asciiContainsIgnoreCase("X-Client-SECRET", "secret"));
  CHECK(msgraph::asciiContainsIgnoreCase("Please run 'AZ LOGIN'", "az login"));
  CHECK(msgraph::asciiContainsIgnoreCase("token", "token"));
  CHECK(msgraph::asciiContainsIgnoreCase("anything", ""));
  CHECK(msgraph::asciiContainsIgnoreCase("", ""));
  CHECK_FALSE(msgraph::asciiContainsIgnoreCase("tok", "token"));  // part longer than the text
  CHECK_FALSE(msgraph::asciiContainsIgnoreCase("", "a"));
  CHECK_FALSE(msgraph::asciiContainsIgnoreCase("to`en", "to@en"));         // 0x40 and 0x60
  CHECK_FALSE(msgraph::asciiContainsIgnoreCase("\xc3\x84x", "\xc3\xa4"));  // UTF-8 Ä and ä
}

TEST_CASE("isLoopbackHost takes localhost, 127.0.0.0/8, ::1 and IPv4-mapped 127/8", "[core]") {
  for (const std::string host : {"localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1",
                                 "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
    CAPTURE(host);
    CHECK(msgraph::isLoopbackHost(host));
  }
  for (const std::string host :
       {"", "[]", "128.0.0.1", "10.0.0.1", "::2", "::ffff:10.0.0.1", "localhost.", "localhost.evil",
        "127.0.0.1.evil.example", "graph.microsoft.com", "[::1"}) {
    CAPTURE(host);
    CHECK_FALSE(msgraph::isLoopbackHost(host));
  }
  CHECK_FALSE(msgraph::isLoopbackHost(std::string("127.0.0.1\0x", 11)));
  CHECK_FALSE(msgraph::isLoopbackHost(std::string(100, '1')));
}
