// SPDX-License-Identifier: MIT
#include "support/time_format.hpp"

#include <array>
#include <ctime>

namespace emulator {
namespace {

std::string formatUtc(std::chrono::system_clock::time_point when, const char* format) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 64> buffer{};
  const std::size_t length = std::strftime(buffer.data(), buffer.size(), format, &utc);
  return std::string(buffer.data(), length);
}

}  // namespace

std::string imfFixdate(std::chrono::system_clock::time_point when) {
  // strftime's %a/%b follow the locale; the program never calls setlocale, so they stay "C".
  return formatUtc(when, "%a, %d %b %Y %H:%M:%S GMT");
}

std::string graphErrorDate(std::chrono::system_clock::time_point when) {
  return formatUtc(when, "%Y-%m-%dT%H:%M:%S");
}

std::string iso8601Utc(std::chrono::system_clock::time_point when) {
  return formatUtc(when, "%Y-%m-%dT%H:%M:%SZ");
}

std::int64_t unixSeconds(std::chrono::system_clock::time_point when) {
  return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

std::string identityTimestamp(std::chrono::system_clock::time_point when) {
  return formatUtc(when, "%Y-%m-%d %H:%M:%SZ");
}

}  // namespace emulator
