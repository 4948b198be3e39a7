// SPDX-License-Identifier: MIT
#pragma once

// How long a kept-alive connection may stay idle before the transport stops reusing it. A
// server that closes an idle connection just as the client sends on it leaves the request
// unanswered, and the transport does not send a request twice (the server may have acted on
// it): when the two run on the same period (a fleet's `$batch` envelopes every 2 s against a
// server that closes idle connections after 2 s), nearly every request fails so. A server that
// says how long it keeps them (`Keep-Alive: timeout=N`, RFC 2068 section 19.7.1.1; Apache,
// cpp-httplib and so our emulator send it) is taken at its word, less a second.
#include <optional>
#include <string_view>

namespace msgraph::detail {

/// libcurl's default for CURLOPT_MAXAGE_CONN: connections idle for longer are not reused.
constexpr long kDefaultMaxIdleSeconds = 118;

/// The `timeout` parameter of a `Keep-Alive` header value (`timeout=5, max=100`), in seconds:
/// nothing when it is absent or not a whole number from 1 to kDefaultMaxIdleSeconds.
std::optional<long> keepAliveTimeoutOf(std::string_view value);

/// The CURLOPT_MAXAGE_CONN for a server that keeps idle connections `timeout` seconds (none:
/// libcurl's default). libcurl compares whole seconds of idleness, `idle / 1000 > maxAge`, so
/// this value reuses only connections idle for less than `timeout - 1` seconds (less than 1 s for
/// a timeout of 1 or 2 s).
long maxIdleSecondsFor(std::optional<long> timeout);

}  // namespace msgraph::detail
