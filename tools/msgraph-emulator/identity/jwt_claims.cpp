// SPDX-License-Identifier: MIT
#include "identity/jwt_claims.hpp"

#include <algorithm>
#include <cstdint>

#include "support/time_format.hpp"

namespace emulator {
namespace {

using Clock = std::chrono::system_clock;

double secondsOf(Clock::time_point when) {
  return std::chrono::duration<double>(when.time_since_epoch()).count();
}

std::string isoTime(double seconds) { return graphErrorDate(timeOfClaim(seconds)) + "Z"; }

}  // namespace

const std::string* stringClaim(const msgraph::Json& object, std::string_view key) {
  const msgraph::Json* value = object.find(key);
  return value != nullptr && value->isString() ? &value->asString() : nullptr;
}

std::optional<double> numericClaim(const msgraph::Json& object, std::string_view key) {
  const msgraph::Json* value = object.find(key);
  if (value == nullptr || !value->isNumber()) return std::nullopt;
  return value->asDouble();
}

std::optional<JwsAlgorithm> assertionAlgorithm(const msgraph::Json& header) {
  const std::string* alg = stringClaim(header, "alg");
  if (alg != nullptr && *alg == "PS256") return JwsAlgorithm::PS256;
  if (alg != nullptr && *alg == "RS256") return JwsAlgorithm::RS256;
  return std::nullopt;
}

std::string unsupportedAlgorithmText(const msgraph::Json& header) {
  const std::string* alg = stringClaim(header, "alg");
  return "Invalid JWT token. Unsupported signing algorithm '" +
         (alg != nullptr ? *alg : std::string("(none)")) +
         "': assertions must be signed with PS256 or RS256.";
}

std::optional<ValidityWindow> validityWindow(const msgraph::Json& claims, Clock::time_point now) {
  const std::optional<double> exp = numericClaim(claims, "exp");
  if (!exp) return std::nullopt;
  const double start =
      numericClaim(claims, "nbf").value_or(numericClaim(claims, "iat").value_or(secondsOf(now)));
  return ValidityWindow{start, *exp};
}

bool holds(const ValidityWindow& window, Clock::time_point now, double skewSeconds) {
  const double at = secondsOf(now);
  return window.expiry >= at - skewSeconds && window.start <= at + skewSeconds &&
         window.expiry >= window.start;
}

std::string describeWindow(const ValidityWindow& window, Clock::time_point now) {
  return "Current time: " + isoTime(secondsOf(now)) + ", assertion valid from " +
         isoTime(window.start) + ", expiry time of assertion " + isoTime(window.expiry) + ".";
}

// Clamped to what the clock's nanosecond ticks can hold (until 2262).
Clock::time_point timeOfClaim(double seconds) {
  const double clamped = std::clamp(seconds, 0.0, 9.0e9);
  return Clock::time_point(std::chrono::seconds(static_cast<std::int64_t>(clamped)));
}

}  // namespace emulator
