// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace msgraph::detail {

/// Reads a `Retry-After` value: delay-seconds, fractional too as Graph sends them (`2.128`; at
/// least one digit), or an HTTP-date taken relative to `now` in any of the three forms RFC 9110
/// §5.6.7 makes recipients accept: IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`), RFC 850
/// (`Wednesday, 21-Oct-15 07:28:00 GMT`; a two-digit year more than 50 years ahead is the past
/// century) and asctime (`Wed Oct 21 07:28:00 2015`). Day and month names are English and
/// case-sensitive, as the RFC defines them, whatever the process's locale; the day of the week is
/// not checked against the date. A date in the past is a zero delay, one over a year away is a
/// year; anything else unreadable is nullopt.
std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

}  // namespace msgraph::detail
