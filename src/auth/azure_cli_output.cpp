// SPDX-License-Identifier: MIT
#include "auth/azure_cli_output.hpp"

#include <ctime>
#include <optional>

#include "auth/credential_unavailable.hpp"
#include "auth/token_answer.hpp"
#include "core/printable_excerpt.hpp"
#include "diagnostics/redaction.hpp"
#include "msgraph/ascii.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

constexpr const char* kName = "AzureCliCredential";

[[noreturn]] void unusable(const std::string& why) {
  throw AuthenticationError(std::string(kName) + ": az account get-access-token printed " + why);
}

// expires_on: seconds since the epoch, as a number or a string of digits.
std::optional<long long> epochSeconds(const Json& value) {
  if (value.type() == Json::Type::Int) return value.asInt();
  if (value.isNumber()) {
    const double number = value.asDouble();
    if (!(number >= 0 && number < 1e15)) return {};  // no cast of what does not fit
    return static_cast<long long>(number);
  }
  if (!value.isString() || value.asString().empty() || value.asString().size() > 18) return {};
  long long total = 0;
  for (char c : value.asString()) {
    if (c < '0' || c > '9') return {};
    total = total * 10 + (c - '0');
  }
  return total;
}

// expiresOn: `YYYY-MM-DD HH:MM:SS[.ffffff]` in local time, as older CLIs print it.
std::optional<long long> localTimeSeconds(const Json& value) {
  if (!value.isString()) return {};
  std::tm parts{};
  const char* end = ::strptime(value.asString().c_str(), "%Y-%m-%d %H:%M:%S", &parts);
  if (end == nullptr || (*end != '\0' && *end != '.')) return {};
  parts.tm_isdst = -1;
  const std::time_t time = std::mktime(&parts);
  if (time == static_cast<std::time_t>(-1)) return {};
  return static_cast<long long>(time);
}

}  // namespace

IssuedToken readAzureCliToken(const std::string& output, system_clock::time_point now,
                              seconds refreshMargin) {
  Json parsed;
  try {
    parsed = Json::parse(output);
  } catch (const Error&) {
    unusable("what is not JSON");
  }
  const Json* token = parsed.find("accessToken");
  if (token == nullptr || !token->isString() || token->asString().empty()) {
    unusable("no accessToken");
  }
  std::optional<long long> expires;
  if (const Json* epoch = parsed.find("expires_on"); epoch != nullptr) {
    expires = epochSeconds(*epoch);
  } else if (const Json* local = parsed.find("expiresOn"); local != nullptr) {
    expires = localTimeSeconds(*local);
  }
  if (!expires) unusable("neither a usable expires_on nor a usable expiresOn");
  const long long lifetime =
      *expires - std::chrono::duration_cast<seconds>(now.time_since_epoch()).count();
  if (lifetime <= 0 || lifetime > kMaxTokenLifetimeSeconds) {
    unusable("a token that expires " +
             std::string(lifetime <= 0 ? "in the past" : "in over a day"));
  }
  IssuedToken issued;
  issued.token.token = token->asString();
  issued.token.expiresOn = now + seconds(lifetime);
  issued.refreshAt = refreshTimeOf(issued.token, now, refreshMargin);
  return issued;
}

void throwAzureCliFailure(int exitCode, const std::string& errors) {
  std::string masked = redactServiceText(errors);
  maskJsonWebTokens(masked);  // az may quote a token without naming it
  const std::string shown = printableExcerpt(masked, 500);
  if (asciiContainsIgnoreCase(errors, "az login") ||
      asciiContainsIgnoreCase(errors, "not logged in")) {
    throw CredentialUnavailableError(std::string(kName) +
                                     ": the Azure CLI is not signed in. Please run 'az login' to "
                                     "set up an account (az said: " +
                                     shown + ")");
  }
  if (exitCode == 127) {  // `az`'s own launcher cannot find Python or its modules
    throw CredentialUnavailableError(std::string(kName) +
                                     ": the Azure CLI cannot start (exit 127): " + shown);
  }
  throw AuthenticationError(std::string(kName) + ": az account get-access-token failed (exit " +
                            std::to_string(exitCode) + "): " + shown);
}

}  // namespace msgraph::detail
