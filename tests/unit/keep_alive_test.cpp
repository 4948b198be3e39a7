// SPDX-License-Identifier: MIT
// The idle time after which the transport stops reusing a kept-alive connection, from the
// server's `Keep-Alive: timeout=N`.
#include <catch2/catch.hpp>

#include <optional>

#include "http/keep_alive.hpp"

using msgraph::detail::keepAliveTimeoutOf;
using msgraph::detail::maxIdleSecondsFor;

TEST_CASE("Keep-Alive: the timeout parameter is read in any case, order and spacing",
          "[http][keep-alive]") {
  CHECK(keepAliveTimeoutOf("timeout=5, max=100") == std::optional<long>(5));
  CHECK(keepAliveTimeoutOf("max=5,timeout=2") == std::optional<long>(2));
  CHECK(keepAliveTimeoutOf("  Timeout = 15 ") == std::optional<long>(15));
  CHECK(keepAliveTimeoutOf("TIMEOUT=118") == std::optional<long>(118));
}

TEST_CASE("Keep-Alive: a missing or unusable timeout says nothing", "[http][keep-alive]") {
  for (const char* value :
       {"", "max=100", "timeout", "timeout=", "timeout=0", "timeout=-1", "timeout=2s",
        "timeout=119", "timeout=99999999999999999999", "timeout=\"5\"", "timeouts=5", ","}) {
    INFO(value);
    CHECK_FALSE(keepAliveTimeoutOf(value).has_value());
  }
}

TEST_CASE("Keep-Alive: connections are reused only while idle under the timeout less a second",
          "[http][keep-alive]") {
  // libcurl drops a connection when its whole seconds of idleness exceed the value.
  CHECK(maxIdleSecondsFor(std::nullopt) == 118);  // libcurl's own default
  CHECK(maxIdleSecondsFor(1) == 0);               // idle under 1 s
  CHECK(maxIdleSecondsFor(2) == 0);               // idle under 1 s: the emulator's 2 s
  CHECK(maxIdleSecondsFor(5) == 3);               // idle under 4 s
  CHECK(maxIdleSecondsFor(118) == 116);
}
