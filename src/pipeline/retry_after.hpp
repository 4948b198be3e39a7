#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace msgraph::detail {

/// Reads a `Retry-After` value: delay-seconds, fractional too as Graph sends them (`2.128`), or
/// an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`) taken relative to `now`. A date in the past
/// is a zero delay; anything else unreadable is nullopt.
std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

}  // namespace msgraph::detail
