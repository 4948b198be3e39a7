// SPDX-License-Identifier: MIT
#include "auth/token_answer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/printable_excerpt.hpp"
#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

std::string stringMember(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  return value != nullptr && value->isString() ? value->asString() : std::string();
}

// A number of seconds from a number or a numeric string; NaN when neither.
double numberMember(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  if (value != nullptr && value->isNumber()) return value->asDouble();
  if (value != nullptr && value->isString() && !value->asString().empty()) {
    const std::string& text = value->asString();
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (end == text.c_str() + text.size()) return parsed;
  }
  return std::nan("");
}

// A lifetime in (0, 1 day], or 0: hostile values neither overflow nor keep a token forever.
seconds boundedLifetime(double value) {
  if (!(value > 0 && value <= static_cast<double>(kMaxTokenLifetimeSeconds))) return seconds(0);
  return seconds(static_cast<long long>(value));
}

std::string rangeProblem(const Json& answer, std::string_view key, std::string_view expected) {
  return "has " + std::string(key) + " " + printableExcerpt(answer.find(key)->dump(), 40) +
         ", which is not " + std::string(expected);
}

// The lifetime from expires_in, else (where allowed) from expires_on; 0 with `problem` set
// when neither gives one.
seconds lifetimeOf(const Json& answer, const TokenAnswerRules& rules, system_clock::time_point now,
                   std::string& problem) {
  const std::string inRange =
      "a lifetime in seconds from 1 to " + std::to_string(kMaxTokenLifetimeSeconds);
  if (answer.find("expires_in") != nullptr) {
    const seconds lifetime = boundedLifetime(numberMember(answer, "expires_in"));
    if (lifetime.count() > 0) return lifetime;
    if (!rules.acceptsExpiresOn || answer.find("expires_on") == nullptr) {
      problem = rangeProblem(answer, "expires_in", inRange);
      return seconds(0);
    }
  }
  if (rules.acceptsExpiresOn && answer.find("expires_on") != nullptr) {
    const double epoch = numberMember(answer, "expires_on");
    const double nowSeconds =
        static_cast<double>(std::chrono::duration_cast<seconds>(now.time_since_epoch()).count());
    const seconds lifetime = boundedLifetime(epoch - nowSeconds);
    if (lifetime.count() == 0) {
      problem = rangeProblem(answer, "expires_on", "a time within a day from now");
    }
    return lifetime;
  }
  problem = rules.acceptsExpiresOn ? "has neither expires_in nor expires_on" : "has no expires_in";
  return seconds(0);
}

std::string tokenProblem(const Json& answer) {
  const Json* token = answer.find("access_token");
  if (token == nullptr) return "has no access_token";
  if (!token->isString()) return "has an access_token that is not a string";
  if (token->asString().empty()) return "has an empty access_token";
  return {};
}

}  // namespace

system_clock::time_point refreshTimeOf(const AccessToken& token, system_clock::time_point issuedAt,
                                       seconds refreshMargin) {
  return std::max(token.expiresOn - refreshMargin, issuedAt + (token.expiresOn - issuedAt) / 2);
}

IssuedToken readTokenAnswer(const std::string& body, const TokenAnswerRules& rules,
                            system_clock::time_point now, seconds refreshMargin) {
  Json parsed;
  try {
    parsed = Json::parse(body);
  } catch (const Error&) {
    throw AuthenticationError(std::string(rules.issuer) +
                              " answered 200 with a body that is not JSON");
  }
  const std::string answered = std::string(rules.issuer) + "'s answer (HTTP 200) ";
  if (const std::string problem = tokenProblem(parsed); !problem.empty()) {
    throw AuthenticationError(answered + problem);
  }
  std::string problem;
  const seconds lifetime = lifetimeOf(parsed, rules, now, problem);
  if (lifetime.count() == 0) throw AuthenticationError(answered + problem);
  IssuedToken issued;
  issued.token.token = stringMember(parsed, "access_token");
  issued.token.expiresOn = now + lifetime;
  issued.refreshAt = refreshTimeOf(issued.token, now, refreshMargin);
  // refresh_in, when sent, is the service's own advice and wins if it is sooner.
  if (const seconds refreshIn = boundedLifetime(numberMember(parsed, "refresh_in"));
      refreshIn.count() > 0) {
    issued.refreshAt = std::min(issued.refreshAt, now + refreshIn);
  }
  return issued;
}

}  // namespace msgraph::detail
