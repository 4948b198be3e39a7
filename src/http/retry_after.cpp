// SPDX-License-Identifier: MIT
#include "http/retry_after.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <ctime>
#include <string>

#include "http/header_value.hpp"

namespace msgraph::detail {

namespace {

std::optional<std::chrono::milliseconds> parseSeconds(std::string_view value) {
  if (value.empty() || value.size() > 32) return std::nullopt;
  bool dot = false;
  bool digit = false;
  for (char c : value) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;  // strtod would read a lone "." as 0
  const double seconds = std::strtod(std::string(value).c_str(), nullptr);
  if (!std::isfinite(seconds) || seconds > 1e9) return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000.0)));
}

// English names, compared case-sensitively as RFC 9110 §5.6.7 defines them (%s"..."); never
// strptime's %a/%b, which follow the process's LC_TIME locale.
constexpr std::array<std::string_view, 7> kShortDays = {"Mon", "Tue", "Wed", "Thu",
                                                        "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads an HTTP-date left to right; every step fails (and stays failed) on the first mismatch.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  void literal(std::string_view expected) {
    if (!skip(expected)) ok_ = false;
  }

  // Consumes `optional` when it comes next; never fails.
  bool skip(std::string_view optional) {
    if (!ok_ || text_.substr(0, optional.size()) != optional) return false;
    text_.remove_prefix(optional.size());
    return true;
  }

  // Exactly `count` ASCII digits.
  int number(std::size_t count) {
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (!ok_ || text_.empty() || text_.front() < '0' || text_.front() > '9') {
        ok_ = false;
        return 0;
      }
      value = value * 10 + (text_.front() - '0');
      text_.remove_prefix(1);
    }
    return value;
  }

  int number(std::size_t count, int min, int max) {
    const int value = number(count);
    if (value < min || value > max) ok_ = false;
    return value;
  }

  // The index in `names` of the name that comes next.
  template <std::size_t N>
  int name(const std::array<std::string_view, N>& names) {
    for (std::size_t i = 0; i < N; ++i) {
      if (skip(names[i])) return static_cast<int>(i);
    }
    ok_ = false;
    return 0;
  }

  bool atEnd() const { return ok_ && text_.empty(); }

 private:
  std::string_view text_;
  bool ok_ = true;
};

struct DateFields {
  int year = 0;
  int month = 0;  // 0-11
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool twoDigitYear = false;  // rfc850-date: the century is inferred
};

void readTimeOfDay(Cursor& in, DateFields& date) {
  date.hour = in.number(2, 0, 23);
  in.literal(":");
  date.minute = in.number(2, 0, 59);
  in.literal(":");
  date.second = in.number(2, 0, 60);  // a leap second; timegm carries it into the next minute
}

// The two forms that read "day-name, DD<sep>Mon<sep>year HH:MM:SS GMT": IMF-fixdate ("Sun, 06 Nov
// 1994 08:49:37 GMT": short day name, spaces, four-digit year) and the obsolete RFC 850 form
// ("Sunday, 06-Nov-94 08:49:37 GMT": long day name, dashes, two-digit year).
std::optional<DateFields> readDayMonthYearDate(std::string_view text,
                                               const std::array<std::string_view, 7>& dayNames,
                                               std::string_view separator, std::size_t yearDigits) {
  Cursor in(text);
  DateFields date;
  in.name(dayNames);
  in.literal(", ");
  date.day = in.number(2, 1, 31);
  in.literal(separator);
  date.month = in.name(kMonths);
  in.literal(separator);
  date.year = in.number(yearDigits);
  date.twoDigitYear = yearDigits == 2;
  in.literal(" ");
  readTimeOfDay(in, date);
  in.literal(" GMT");
  return in.atEnd() ? std::optional(date) : std::nullopt;
}

// Obsolete asctime form: "Sun Nov  6 08:49:37 1994" (a one-digit day is padded with a space).
std::optional<DateFields> readAsctimeDate(std::string_view text) {
  Cursor in(text);
  DateFields date;
  in.name(kShortDays);
  in.literal(" ");
  date.month = in.name(kMonths);
  in.literal(" ");
  date.day = in.skip(" ") ? in.number(1, 1, 9) : in.number(2, 1, 31);
  in.literal(" ");
  readTimeOfDay(in, date);
  in.literal(" ");
  date.year = in.number(4);
  return in.atEnd() ? std::optional(date) : std::nullopt;
}

long long toUnixSeconds(const DateFields& date, int year) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = date.month;
  tm.tm_mday = date.day;
  tm.tm_hour = date.hour;
  tm.tm_min = date.minute;
  tm.tm_sec = date.second;
  return static_cast<long long>(timegm(&tm));
}

// RFC 9110 §5.6.7: a two-digit year that would put the date more than 50 years in the future
// means the most recent past year with those last two digits.
long long resolveSeconds(const DateFields& date, long long nowSeconds) {
  if (!date.twoDigitYear) return toUnixSeconds(date, date.year);
  const std::time_t now = static_cast<std::time_t>(nowSeconds);
  std::tm today{};
  gmtime_r(&now, &today);
  const int century = (today.tm_year + 1900) / 100 * 100;
  const long long when = toUnixSeconds(date, century + date.year);
  constexpr long long kFiftyYears = 50LL * 146097 * 24 * 3600 / 400;  // Gregorian mean years
  return when - nowSeconds > kFiftyYears ? toUnixSeconds(date, century - 100 + date.year) : when;
}

std::optional<DateFields> readHttpDate(std::string_view value) {
  if (auto date = readDayMonthYearDate(value, kShortDays, " ", 4)) return date;  // IMF-fixdate
  if (auto date = readDayMonthYearDate(value, kLongDays, "-", 2)) return date;   // RFC 850
  return readAsctimeDate(value);
}

std::optional<std::chrono::milliseconds> parseHttpDate(std::string_view value,
                                                       std::chrono::system_clock::time_point now) {
  const auto date = readHttpDate(value);
  if (!date) return std::nullopt;
  // Seconds, not time_points: a date centuries away must not overflow the clock's nanoseconds.
  const long long nowSeconds = static_cast<long long>(std::chrono::system_clock::to_time_t(now));
  const long long when = resolveSeconds(*date, nowSeconds);
  if (when <= nowSeconds) return std::chrono::milliseconds(0);
  constexpr long long kYear = 366LL * 24 * 3600;  // any longer wait is as good as forever
  return std::chrono::seconds(std::min(when - nowSeconds, kYear));
}

}  // namespace

std::optional<std::chrono::milliseconds> parseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  value = withoutOws(value);
  if (auto seconds = parseSeconds(value)) return seconds;
  return parseHttpDate(value, now);
}

}  // namespace msgraph::detail
