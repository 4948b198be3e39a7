// SPDX-License-Identifier: MIT
#include "server/option_specs.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "identity/app_roles.hpp"
#include "throttling/throttle_options.hpp"

namespace emulator {
namespace {

constexpr std::uint64_t kMaxDelayMs = 600000;            // ten minutes: longer is surely a typo
constexpr std::uint64_t kMaxOversizeBytes = 1ull << 30;  // 1 GiB, built in memory at startup

std::uint64_t parseRange(const std::string& flag, const std::string& value, std::uint64_t min,
                         std::uint64_t max) {
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos ||
      value.size() > 18 || std::stoull(value) < min || std::stoull(value) > max) {
    throw UsageError(flag + ": expected an integer from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got '" + value + "'");
  }
  return std::stoull(value);
}

std::uint64_t parseCount(const std::string& flag, const std::string& value, std::uint64_t max) {
  return parseRange(flag, value, 0, max);
}

// Seconds as `N` or `N.F`; kept as text so that Retry-After carries exactly what was asked for.
std::string parseSeconds(const std::string& flag, const std::string& value) {
  const std::size_t dot = value.find('.');
  const std::string whole = value.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "0" : value.substr(dot + 1);
  const auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 9 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!digits(whole) || !digits(fraction)) {
    throw UsageError(flag + ": expected a non-negative number of seconds, got '" + value + "'");
  }
  return value;
}

// `CLIENT_ID:REST`, split at the first colon: a client id never has one, a secret or a file
// name may.
std::pair<std::string, std::string> parseApp(const std::string& flag, const std::string& value,
                                             const char* expected) {
  const std::size_t colon = value.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) {
    throw UsageError(flag + ": expected " + expected);
  }
  return {value.substr(0, colon), value.substr(colon + 1)};
}

void setHost(Options& o, const std::string&, const std::string& v) { o.host = v; }

void setPort(Options& o, const std::string& f, const std::string& v) {
  o.port = static_cast<int>(parseCount(f, v, 65535));
}

void setTlsSelfSigned(Options& o, const std::string&, const std::string& v) {
  o.tlsSelfSignedDir = v;
}

void setTlsCert(Options& o, const std::string&, const std::string& v) { o.tlsCert = v; }

void setTlsKey(Options& o, const std::string&, const std::string& v) { o.tlsKey = v; }

void addApp(Options& o, const std::string& f, const std::string& v) {
  o.apps.push_back(parseApp(f, v, "clientId:secret"));
}

void addAppCertificate(Options& o, const std::string& f, const std::string& v) {
  o.appCertificates.push_back(parseApp(f, v, "clientId:cert.pem"));
}

// `CLIENT_ID:ROLE`, where ROLE is one of the application permissions the emulator knows.
void addAppRole(Options& o, const std::string& f, const std::string& v) {
  std::pair<std::string, std::string> role = parseApp(f, v, "clientId:role");
  if (!isKnownAppRole(role.second)) {
    throw UsageError(f + ": unknown role '" + role.second + "'; expected " +
                     std::string(kPolicyReadAll) + " or " + std::string(kPolicyReadWrite));
  }
  o.appRoles.push_back(std::move(role));
}

void addTenant(Options& o, const std::string& f, const std::string& v) {
  if (v.empty() || v.find('/') != std::string::npos) {
    throw UsageError(f + ": expected a tenant id or domain name, got '" + v + "'");
  }
  o.tenants.push_back(v);
}

void setDataFile(Options& o, const std::string&, const std::string& v) { o.dataFile = v; }

// The setter of a `--fault-*-every N` flag: stores N in `Interval`.
template <std::uint64_t FaultOptions::*Interval>
void setFaultInterval(Options& o, const std::string& f, const std::string& v) {
  o.faults.*Interval = parseCount(f, v, UINT32_MAX);
}

void setOversizeBytes(Options& o, const std::string& f, const std::string& v) {
  o.faults.oversizeBytes = static_cast<std::size_t>(parseRange(f, v, 1, kMaxOversizeBytes));
}

void setRetryAfter(Options& o, const std::string& f, const std::string& v) {
  o.faults.retryAfter = parseSeconds(f, v);
}

void setDelay(Options& o, const std::string& f, const std::string& v) {
  o.faults.delay = std::chrono::milliseconds(parseCount(f, v, kMaxDelayMs));
}

// `N/SECONDS`, both positive integers within the throttling maxima.
ThrottleLimit parseThrottleLimit(const std::string& flag, const std::string& value) {
  const std::size_t slash = value.find('/');
  if (slash == std::string::npos) {
    throw UsageError(flag + ": expected N/SECONDS (requests per seconds, e.g. 200/10), got '" +
                     value + "'");
  }
  const std::string given = flag + " " + value;
  ThrottleLimit limit;
  limit.requests = static_cast<std::uint32_t>(
      parseRange(given + " (N)", value.substr(0, slash), 1, kMaxThrottleRequests));
  limit.seconds = static_cast<std::uint32_t>(
      parseRange(given + " (SECONDS)", value.substr(slash + 1), 1, kMaxThrottleSeconds));
  return limit;
}

// The setter of a `--throttle-*` flag: stores its limit in `Limit`.
template <std::optional<ThrottleLimit> ThrottleOptions::*Limit>
void setThrottleLimit(Options& o, const std::string& f, const std::string& v) {
  o.throttle.*Limit = parseThrottleLimit(f, v);
}

}  // namespace

const std::vector<OptionSpec>& optionSpecs() {
  using G = OptionGroup;
  static const std::vector<OptionSpec> specs = {
      {"--host", "H", G::Listening,
       "address to listen on (default 127.0.0.1); loopback only unless --allow-remote is given",
       &setHost},
      {"--allow-remote", "", G::Listening,
       "allow a --host that is not a loopback address (127.0.0.0/8, ::1, localhost)",
       &Options::allowRemote},
      {"--port", "N", G::Listening, "port (default 0: a free port, shown in the ready line)",
       &setPort},
      {"--tls-self-signed", "DIR", G::Listening,
       "create a CA and a server certificate for 127.0.0.1/localhost/::1 in DIR (ca.pem, "
       "server.pem, server.key) and serve HTTPS",
       &setTlsSelfSigned},
      {"--tls-cert", "FILE", G::Listening,
       "serve HTTPS with this PEM certificate, together with --tls-key (without either TLS "
       "flag: HTTP)",
       &setTlsCert},
      {"--tls-key", "FILE", G::Listening, "the PEM private key of --tls-cert", &setTlsKey},

      {"--app", "CLIENT_ID:SECRET", G::Behaviour,
       "register an app with a client secret for the token endpoint (repeatable)", &addApp},
      {"--app-cert", "CLIENT_ID:CERT.pem", G::Behaviour,
       "register an RSA certificate for an app (repeatable: an app may have several, and a "
       "secret too); only the certificate in the PEM is read. Client assertions (PS256 or "
       "RS256) must name it by x5t#S256 (or x5t with RS256), be signed with its key, have aud = "
       "this emulator's token URL as the client addresses it, iss = sub = client id, exp/nbf "
       "within 5 minutes of skew, a lifetime (exp - nbf) of at most 10 minutes (plus the skew), "
       "and a jti not used before",
       &addAppCertificate},
      {"--app-role", "CLIENT_ID:ROLE", G::Behaviour,
       "grant an app an application permission (repeatable): Policy.Read.All (GET only) or "
       "Policy.ReadWrite.CrossTenantAccess (every method). An app with roles gets 403 "
       "Authorization_RequestDenied on the policy resources for a method its roles do not "
       "allow; an app without any has full access. The app must be registered (--app, "
       "--app-cert or the data file)",
       &addAppRole},
      {"--tenant", "NAME[=ALIAS]", G::Behaviour,
       "a tenant (GUID or domain name) the token endpoint serves (repeatable); with none, any "
       "tenant is served, else others get AADSTS90002. Each tenant has its own partners and "
       "deleted items; NAME=ALIAS also signs ALIAS in to NAME's (see Tenants below)",
       &addTenant},
      {"--accept-any-token", "", G::Behaviour,
       "accept any non-empty bearer token, not only those issued here", &Options::acceptAnyToken},
      {"--auto-create-partners", "", G::Behaviour,
       "create unknown partner configurations on first use", &Options::autoCreatePartners},
      {"--data", "FILE", G::Behaviour,
       "keep state (each tenant's partners, apps with their secrets, certificates and roles, "
       "tenants) in FILE (JSON; loaded at start, rewritten whole and atomically after every "
       "change, so a write costs O(partners) with it, O(log partners) without); apps, roles "
       "and tenants given on the command line are added",
       &setDataFile},

      {"--fault-429-every", "N", G::Faults, "every Nth request gets 429 with Retry-After",
       &setFaultInterval<&FaultOptions::throttleEvery>},
      {"--fault-503-every", "N", G::Faults, "every Nth request gets 503 with Retry-After",
       &setFaultInterval<&FaultOptions::unavailableEvery>},
      {"--fault-drop-every", "N", G::Faults,
       "every Nth request has its connection closed without a response",
       &setFaultInterval<&FaultOptions::dropEvery>},
      {"--fault-drop-after-apply-every", "N", G::Faults,
       "every Nth request is applied (a write is stored, with its new ETag), then its connection "
       "is closed without a response: a PUT sent again then meets Graph's 409",
       &setFaultInterval<&FaultOptions::dropAfterApplyEvery>},
      {"--fault-oversize-every", "N", G::Faults,
       "every Nth request gets 200 with a JSON body of --oversize-bytes bytes, and is not "
       "applied",
       &setFaultInterval<&FaultOptions::oversizeEvery>},
      {"--oversize-bytes", "BYTES", G::Faults,
       "size of that body (default 17825792, 17 MiB; 1 to 1073741824)", &setOversizeBytes},
      {"--retry-after", "SECONDS", G::Faults,
       "Retry-After value for 429/503 (default 1; fractions allowed)", &setRetryAfter},
      {"--delay-ms", "N", G::Faults, "delay every Graph response by N milliseconds", &setDelay},

      {"--throttle-writes", "N/SECONDS", G::Throttling,
       "allow each app N writes (POST, PUT, PATCH, DELETE) per SECONDS in each tenant, as "
       "Graph's write quota per application+tenant pair (3000/150 on Graph); a write over it is "
       "429 with scope Tenant_Application/Write",
       &setThrottleLimit<&ThrottleOptions::appTenantWrites>},
      {"--throttle-reads", "N/SECONDS", G::Throttling,
       "allow each app N reads (GET) per SECONDS in each tenant, as Graph's ResourceUnit quota "
       "per application+tenant pair (3500/10 to 8000/10 by tenant size; a read of these paths "
       "costs 1); a read over it is 429 with scope Tenant_Application/Read",
       &setThrottleLimit<&ThrottleOptions::appTenantReads>},
      {"--throttle-tenant-writes", "N/SECONDS", G::Throttling,
       "allow each tenant N writes per SECONDS across all its apps (18000/300 on Graph); a write "
       "over it is 429 with scope Tenant/Write",
       &setThrottleLimit<&ThrottleOptions::tenantWrites>},
      {"--throttle-manual-clock", "", G::Throttling,
       "for tests: the buckets refill by a clock that stands still until POST /emulator/clock "
       "{\"advanceMilliseconds\":n} moves it on (GET /emulator/clock reads it); Date, token "
       "lifetimes and deleted items keep the system clock",
       &Options::throttleManualClock},

      {"--verbose", "", G::General, "log one line per request on stderr (never tokens or secrets)",
       &Options::verbose},
      {"--help", "", G::General, "show this text", &Options::help},
      {"--version", "", G::General, "print the version and exit", &Options::version},
  };
  return specs;
}

const OptionSpec* findOption(std::string_view name) {
  for (const OptionSpec& spec : optionSpecs()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::string_view groupTitle(OptionGroup group) {
  switch (group) {
    case OptionGroup::Listening:
      return "Listening:";
    case OptionGroup::Behaviour:
      return "Behaviour:";
    case OptionGroup::Faults:
      return "Faults (deterministic, counted over Graph requests, not token requests; when "
             "several fall on one request, the harshest wins: drop, then drop after apply, then "
             "oversize, then 503, then 429):";
    case OptionGroup::Throttling:
      return "Throttling (token buckets as Graph's identity and access service keeps them, keyed "
             "by "
             "the app and tenant of the caller's token; N from 1 to 1000000, SECONDS from 1 to "
             "86400; see \"Throttling\" below):";
    case OptionGroup::General:
      break;
  }
  return "";
}

}  // namespace emulator
