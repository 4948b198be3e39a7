#include "options.hpp"

#include <arpa/inet.h>

#include <cstring>
#include <functional>
#include <map>

#include "api_types.hpp"
#include "app_roles.hpp"

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

// `CLIENT_ID:ROLE`, where ROLE is one of the application permissions the emulator knows.
std::pair<std::string, std::string> parseAppRole(const std::string& flag,
                                                 const std::string& value) {
  std::pair<std::string, std::string> role = parseApp(flag, value, "clientId:role");
  if (!isKnownAppRole(role.second)) {
    throw UsageError(flag + ": unknown role '" + role.second + "'; expected " +
                     std::string(kPolicyReadAll) + " or " + std::string(kPolicyReadWrite));
  }
  return role;
}

std::string parseTenant(const std::string& flag, const std::string& value) {
  if (value.empty() || value.find('/') != std::string::npos) {
    throw UsageError(flag + ": expected a tenant id or domain name, got '" + value + "'");
  }
  return value;
}

using ValueSetter = std::function<void(Options&, const std::string& flag, const std::string&)>;
using SwitchSetter = std::function<void(Options&)>;

// The setter of a `--fault-*-every N` flag: stores N in `interval`.
ValueSetter faultInterval(std::uint64_t FaultOptions::*interval) {
  return [interval](Options& o, const std::string& f, const std::string& v) {
    o.faults.*interval = parseCount(f, v, UINT32_MAX);
  };
}

const std::map<std::string, ValueSetter>& valueFlags() {
  static const std::map<std::string, ValueSetter> flags = {
      {"--host", [](Options& o, const std::string&, const std::string& v) { o.host = v; }},
      {"--port", [](Options& o, const std::string& f,
                    const std::string& v) { o.port = static_cast<int>(parseCount(f, v, 65535)); }},
      {"--tls-self-signed",
       [](Options& o, const std::string&, const std::string& v) { o.tlsSelfSignedDir = v; }},
      {"--tls-cert", [](Options& o, const std::string&, const std::string& v) { o.tlsCert = v; }},
      {"--tls-key", [](Options& o, const std::string&, const std::string& v) { o.tlsKey = v; }},
      {"--app", [](Options& o, const std::string& f,
                   const std::string& v) { o.apps.push_back(parseApp(f, v, "clientId:secret")); }},
      {"--app-cert",
       [](Options& o, const std::string& f, const std::string& v) {
         o.appCertificates.push_back(parseApp(f, v, "clientId:cert.pem"));
       }},
      {"--app-role", [](Options& o, const std::string& f,
                        const std::string& v) { o.appRoles.push_back(parseAppRole(f, v)); }},
      {"--tenant", [](Options& o, const std::string& f,
                      const std::string& v) { o.tenants.push_back(parseTenant(f, v)); }},
      {"--data", [](Options& o, const std::string&, const std::string& v) { o.dataFile = v; }},
      {"--fault-429-every", faultInterval(&FaultOptions::throttleEvery)},
      {"--fault-503-every", faultInterval(&FaultOptions::unavailableEvery)},
      {"--fault-drop-every", faultInterval(&FaultOptions::dropEvery)},
      {"--fault-oversize-every", faultInterval(&FaultOptions::oversizeEvery)},
      {"--oversize-bytes",
       [](Options& o, const std::string& f, const std::string& v) {
         o.faults.oversizeBytes = static_cast<std::size_t>(parseRange(f, v, 1, kMaxOversizeBytes));
       }},
      {"--retry-after", [](Options& o, const std::string& f,
                           const std::string& v) { o.faults.retryAfter = parseSeconds(f, v); }},
      {"--delay-ms",
       [](Options& o, const std::string& f, const std::string& v) {
         o.faults.delay = std::chrono::milliseconds(parseCount(f, v, kMaxDelayMs));
       }},
  };
  return flags;
}

const std::map<std::string, SwitchSetter>& switchFlags() {
  static const std::map<std::string, SwitchSetter> flags = {
      {"--allow-remote", [](Options& o) { o.allowRemote = true; }},
      {"--auto-create-partners", [](Options& o) { o.autoCreatePartners = true; }},
      {"--accept-any-token", [](Options& o) { o.acceptAnyToken = true; }},
      {"--verbose", [](Options& o) { o.verbose = true; }},
      {"--help", [](Options& o) { o.help = true; }},
  };
  return flags;
}

void checkCombination(const Options& options) {
  if (options.tlsCert.has_value() != options.tlsKey.has_value()) {
    throw UsageError(options.tlsCert ? "--tls-cert needs --tls-key" : "--tls-key needs --tls-cert");
  }
  if (options.tlsCert && options.tlsSelfSignedDir) {
    throw UsageError("--tls-self-signed cannot be combined with --tls-cert/--tls-key");
  }
  if (!options.allowRemote && !isLoopbackHost(options.host)) {
    throw UsageError("--host " + options.host +
                     ": not a loopback address (127.0.0.0/8, ::1, localhost); add --allow-remote "
                     "to listen on it");
  }
}

}  // namespace

bool isLoopbackHost(const std::string& host) {
  if (equalsIgnoreCase(host, "localhost")) return true;
  unsigned char address[16];
  if (inet_pton(AF_INET, host.c_str(), address) == 1) return address[0] == 127;
  if (inet_pton(AF_INET6, host.c_str(), address) != 1) return false;
  static const unsigned char kLoopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(address, kLoopback, 16) == 0 ||
         (std::memcmp(address, kMappedPrefix, 12) == 0 && address[12] == 127);
}

Options parseOptions(int argc, const char* const* argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    std::optional<std::string> inlineValue;
    if (const std::size_t equals = flag.find('='); equals != std::string::npos) {
      inlineValue = flag.substr(equals + 1);
      flag.resize(equals);
    }
    if (const auto found = switchFlags().find(flag); found != switchFlags().end()) {
      if (inlineValue) throw UsageError(flag + ": takes no value");
      found->second(options);
    } else if (const auto valued = valueFlags().find(flag); valued != valueFlags().end()) {
      if (!inlineValue && i + 1 >= argc) throw UsageError(flag + ": missing value");
      valued->second(options, flag, inlineValue ? *inlineValue : std::string(argv[++i]));
    } else {
      throw UsageError(flag + ": unknown option (see --help)");
    }
  }
  if (!options.help) checkCombination(options);
  return options;
}

const char* usageText() {
  return R"(Usage: msgraph-emulator [options]

A local emulator of the Microsoft Graph endpoints msgraph-cpp uses: partner configurations and
their identity synchronization policies (/v1.0 and /beta), $batch, and the client-credentials
token endpoint (POST /{tenant}/oauth2/v2.0/token). When ready it prints one line on stdout:
  msgraph-emulator listening on <base-url>
SIGINT or SIGTERM stops it.

Listening:
  --host H               address to listen on (default 127.0.0.1); loopback only unless
  --allow-remote         is given
  --port N               port (default 0: a free port, shown in the ready line)
  --tls-self-signed DIR  create a CA and a server certificate for 127.0.0.1/localhost/::1 in DIR
                         (ca.pem, server.pem, server.key) and serve HTTPS
  --tls-cert FILE --tls-key FILE
                         serve HTTPS with these PEM files (without either TLS flag: HTTP)

Behaviour:
  --app CLIENT_ID:SECRET register an app with a client secret for the token endpoint
                         (repeatable)
  --app-cert CLIENT_ID:CERT.pem
                         register an RSA certificate for an app (repeatable: an app may have
                         several, and a secret too); only the certificate in the PEM is read.
                         Client assertions (PS256 or RS256) must name it by x5t#S256 (or x5t
                         with RS256), be signed with its key, have aud = this emulator's token
                         URL as the client addresses it, iss = sub = client id, exp/nbf within
                         5 minutes of skew, a lifetime (exp - nbf) of at most 10 minutes (plus
                         the skew), and a jti not used before
  --app-role CLIENT_ID:ROLE
                         grant an app an application permission (repeatable): Policy.Read.All
                         (GET only) or Policy.ReadWrite.CrossTenantAccess (every method). An
                         app with roles gets 403 Authorization_RequestDenied on the policy
                         resources for a method its roles do not allow; an app without any
                         has full access. The app must be registered (--app, --app-cert or the
                         data file)
  --tenant NAME          a tenant (GUID or domain name) the token endpoint serves (repeatable);
                         with none, any tenant is served, else others get AADSTS90002
  --accept-any-token     accept any non-empty bearer token, not only those issued here
  --auto-create-partners create unknown partner configurations on first use
  --data FILE            keep state (partners, apps with their secrets, certificates and
                         roles, tenants) in FILE (JSON; loaded at start, rewritten atomically
                         after every change); apps, roles and tenants given on the command
                         line are added

Faults (deterministic, counted over Graph requests, not token requests; when several fall on
one request, the harshest wins: drop, then oversize, then 503, then 429):
  --fault-429-every N    every Nth request gets 429 with Retry-After
  --fault-503-every N    every Nth request gets 503 with Retry-After
  --fault-drop-every N   every Nth request has its connection closed without a response
  --fault-oversize-every N
                         every Nth request gets 200 with a JSON body of --oversize-bytes
                         bytes, and is not applied
  --oversize-bytes BYTES size of that body (default 17825792, 17 MiB; 1 to 1073741824)
  --retry-after SECONDS  Retry-After value for 429/503 (default 1; fractions allowed)
  --delay-ms N           delay every Graph response by N milliseconds

  --verbose              log one line per request on stderr (never tokens or secrets)
  --help                 show this text

Statistics: GET /emulator/stats needs no token, is never faulted and is not counted; it
answers 200 with the counts since the start:
  {"graphRequests":N,"faults":{"throttle":N,"unavailable":N,"drop":N,"oversize":N}}

Exit status: 0 after a clean stop, 1 on a runtime failure, 2 on a usage error, a data-file
error, an --app-cert file that cannot be read or holds no RSA certificate, or an --app-role
for an app that is not registered.
)";
}

}  // namespace emulator
