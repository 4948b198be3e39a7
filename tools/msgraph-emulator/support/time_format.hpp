// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace emulator {

/// `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 IMF-fixdate), for the `Date` header.
std::string imfFixdate(std::chrono::system_clock::time_point when);
/// `2025-02-13T10:17:06` (UTC, no zone suffix), as Graph writes `innerError.date`.
std::string graphErrorDate(std::chrono::system_clock::time_point when);
/// `2025-06-18T23:14:25Z` (ISO 8601, UTC), as Graph writes `deletedDateTime`.
std::string iso8601Utc(std::chrono::system_clock::time_point when);
/// Whole seconds since the Unix epoch.
std::int64_t unixSeconds(std::chrono::system_clock::time_point when);
/// `2016-01-09 02:02:12Z`, as the identity platform writes its error timestamps.
std::string identityTimestamp(std::chrono::system_clock::time_point when);

}  // namespace emulator
