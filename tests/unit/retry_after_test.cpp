// SPDX-License-Identifier: MIT
// parseRetryAfter: delay-seconds (fractional too, as Graph sends them) and the three HTTP-date
// forms RFC 9110 §5.6.7 makes recipients accept, independent of the process's locale.
#include <catch2/catch.hpp>

#include <chrono>
#include <clocale>
#include <optional>
#include <string>
#include <string_view>

// tests/CMakeLists.txt does not put src/ on the include path; the tests link the static library.
#include "../../src/http/retry_after.hpp"

using namespace std::chrono_literals;

namespace {

// 2026-10-21T07:00:00Z, 28 minutes before the dates below.
const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1792566000));
constexpr auto kLongestWait = std::chrono::milliseconds(366LL * 24 * 3600 * 1000);

std::optional<std::chrono::milliseconds> parse(std::string_view value) {
  return msgraph::detail::parseRetryAfter(value, kNow);
}

// Sets LC_TIME for the scope of one test and puts the previous locale back.
class TimeLocale {
 public:
  TimeLocale() : previous_(std::setlocale(LC_TIME, nullptr)) {}
  ~TimeLocale() { std::setlocale(LC_TIME, previous_.c_str()); }
  TimeLocale(const TimeLocale&) = delete;
  TimeLocale& operator=(const TimeLocale&) = delete;

  // The first of a few locales whose day and month names are not English, or nullptr.
  const char* setNonEnglish() {
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8",
                             "fr_FR", "es_ES.UTF-8", "es_ES.utf8"}) {
      if (const char* set = std::setlocale(LC_TIME, name)) return set;
    }
    return nullptr;
  }

 private:
  std::string previous_;
};

}  // namespace

TEST_CASE("Retry-After in seconds", "[retry-after]") {
  CHECK(parse("120") == 120s);
  CHECK(parse("2.128") == 2128ms);
  CHECK(parse("0") == 0ms);
  CHECK(parse("  5 \t") == 5s);
  CHECK(parse(".5") == 500ms);
}

TEST_CASE("Retry-After as an IMF-fixdate", "[retry-after]") {
  CHECK(parse("Wed, 21 Oct 2026 07:28:00 GMT") == 28min);
  CHECK(parse(" Wed, 21 Oct 2026 07:28:00 GMT ") == 28min);
  CHECK(parse("Sun, 06 Nov 1994 08:49:37 GMT") == 0ms);
  CHECK(parse("Wed, 21 Oct 2026 07:00:00 GMT") == 0ms);  // now is no wait
  CHECK(parse("Thu, 31 Dec 2099 23:59:60 GMT") == kLongestWait);
}

TEST_CASE("Retry-After as an obsolete RFC 850 date", "[retry-after]") {
  CHECK(parse("Wednesday, 21-Oct-26 07:28:00 GMT") == 28min);
  CHECK(parse("Sunday, 06-Nov-94 08:49:37 GMT") == 0ms);
  // 2075 is less than 50 years ahead, so it stays in this century; 2077 is more, so it is 1977.
  CHECK(parse("Monday, 21-Oct-75 07:28:00 GMT") == kLongestWait);
  CHECK(parse("Thursday, 21-Oct-77 07:28:00 GMT") == 0ms);
}

TEST_CASE("Retry-After as an obsolete asctime date", "[retry-after]") {
  CHECK(parse("Wed Oct 21 07:28:00 2026") == 28min);
  CHECK(parse("Sun Nov  1 07:28:00 2026") == 11 * 24h + 28min);
  CHECK(parse("Sun Nov  6 08:49:37 1994") == 0ms);
}

TEST_CASE("Retry-After values that are not a delay", "[retry-after]") {
  for (const char* value : {
           "",
           " ",
           ".",
           "..",
           "-1",
           "+1",
           "1e3",
           "1.2.3",
           "120s",
           "Wed, 32 Oct 2026 07:28:00 GMT",   // day out of range
           "Wed, 00 Oct 2026 07:28:00 GMT",   // day out of range
           "Wed, 21 Foo 2026 07:28:00 GMT",   // no such month
           "Wed, 21 Oct 2026 24:00:00 GMT",   // hour out of range
           "Wed, 21 Oct 2026 07:60:00 GMT",   // minute out of range
           "Wed, 21 Oct 2026 07:28:61 GMT",   // second out of range
           "Wed, 21 Oct 2026 07:28:00 GMTx",  // trailing junk
           "Wed, 21 Oct 2026 07:28:00 UTC",   // only GMT
           "Wed, 21 Oct 2026 07:28:00",       // no zone
           "wed, 21 oct 2026 07:28:00 GMT",   // names are case-sensitive
           "Wed, 1 Oct 2026 07:28:00 GMT",    // two-digit day
           "Wed, 21 Oct 26 07:28:00 GMT",     // four-digit year
           "Mittwoch, 21-Okt-26 07:28:00 GMT",
           "Wed, 21-Oct-26 07:28:00 GMT",          // RFC 850 takes the long day name
           "Wednesday, 21-Oct-2026 07:28:00 GMT",  // and a two-digit year
           "Sun Nov 6 08:49:37 1994",              // asctime pads a one-digit day with a space
           "Sun Nov  16 08:49:37 1994",
           "Sun Nov  6 08:49:37 1994 GMT",
       }) {
    INFO(value);
    CHECK_FALSE(parse(value).has_value());
  }
}

TEST_CASE("Retry-After dates do not depend on the LC_TIME locale", "[retry-after]") {
  TimeLocale locale;
  const char* set = locale.setNonEnglish();
  if (set == nullptr) {
    WARN(
        "no German, French or Spanish locale installed (see `locale -a`): only the C locale was "
        "checked");
  }
  const std::string name = set != nullptr ? set : std::setlocale(LC_TIME, nullptr);
  INFO("LC_TIME=" << name);
  CHECK(parse("Wed, 21 Oct 2026 07:28:00 GMT") == 28min);
  CHECK(parse("Wednesday, 21-Oct-26 07:28:00 GMT") == 28min);
  CHECK(parse("Wed Oct 21 07:28:00 2026") == 28min);
}
