// SPDX-License-Identifier: MIT
#include "server/option_specs.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "identity/app_roles.hpp"
#include "server/workload_flags.hpp"
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

// `CLIENT_ID:ISSUER:SUBJECT`: issuer and subject are told apart once every --federated-issuer
// is known (see readRegistrations), since both may contain colons.
void addAppFederated(Options& o, const std::string& f, const std::string& v) {
  o.appFederated.push_back(parseApp(f, v, "CLIENT_ID:ISSUER:SUBJECT"));
}

void setArcKeyDir(Options& o, const std::string& f, const std::string& v) {
  if (v.empty()) throw UsageError(f + ": expected a directory");
  o.arcKeyDir = v;
}

void setImdsGoneFirst(Options& o, const std::string& f, const std::string& v) {
  o.imdsGoneFirst = parseCount(f, v, UINT32_MAX);
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
       "--app-cert, --app-federated or the data file) or be a --managed-identity",
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

      {"--federated-issuer", "ISSUER:PUBLIC_KEY.pem", G::Workloads,
       "trust tokens of an external issuer (repeatable; several keys for one issuer are all "
       "tried, as after a key rotation): ISSUER is the exact `iss` claim (compared "
       "case-sensitively), the PEM holds its RSA public key (BEGIN PUBLIC KEY) or a certificate; "
       "split at the last ':', so the file name may not contain one",
       &addFederatedIssuer},
      {"--app-federated", "CLIENT_ID:ISSUER:SUBJECT", G::Workloads,
       "give an app a federated identity credential (repeatable; the app is registered if it "
       "is not): a client assertion that is a JWT of ISSUER (a --federated-issuer, matched as "
       "the longest one followed by ':') for SUBJECT signs it in. Checked as Entra's workload "
       "identity federation does: alg RS256 or PS256 (else AADSTS5002730), iss registered "
       "(AADSTS700211), signed by one of its keys (kid ignored; AADSTS50013), exp not more than "
       "5 minutes past and nbf (else iat) not more than 5 minutes ahead (AADSTS700024), aud = "
       "api://AzureADTokenExchange, a string or in an array (AADSTS700212), a credential of "
       "this app for iss (AADSTS700211) and sub (AADSTS700213); an iss and sub trusted by "
       "another app is 400 AADSTS70021. Not documented, so the emulator's own: which codes "
       "other than 70021 and 700211 Entra gives, the statuses (401 invalid_client but 70021), "
       "and the wording past the first sentence. No jti is needed: a token may be presented "
       "until it expires",
       &addAppFederated},
      {"--managed-identity", "[CLIENT_ID]", G::Workloads,
       "give the emulated host a managed identity (repeatable): without a value (or with the "
       "next argument starting with '-') the system-assigned one, whose client id is always "
       "7d2f4b1e-8c3a-4e6d-9f05-a1b2c3d4e5f6; with a GUID a user-assigned one. Its object id "
       "(principal_id) is derived from the client id; its resource id (mi_res_id) is that of a "
       "resource in "
       "subscription 00000000-0000-0000-0000-000000000000, resource group msgraph-emulator, at "
       "providers/Microsoft.ManagedIdentity/userAssignedIdentities/CLIENT_ID (the "
       "system-assigned one's at providers/Microsoft.Web/sites/msgraph-emulator, which "
       "mi_res_id cannot select); "
       "GET /emulator/managed-identities lists them. --app-role CLIENT_ID:ROLE limits one as it "
       "does an app. Needs --identity-header or --imds",
       OptionalValue{&addManagedIdentity}},
      {"--identity-header", "VALUE", G::Workloads,
       "serve App Service's managed identity endpoint GET /msi/token (set IDENTITY_ENDPOINT to "
       "{base}/msi/token and IDENTITY_HEADER to VALUE) with X-IDENTITY-HEADER checked against "
       "VALUE. As the REST reference documents: api-version=2019-08-01, resource, at most one "
       "of client_id, principal_id (or object_id) and mi_res_id (none: the system-assigned "
       "identity); 200 {access_token, expires_on (epoch seconds, a string), resource, "
       "token_type, client_id}. Not documented, so the emulator's own: errors as {statusCode, "
       "message, correlationId} with 401 for a missing or wrong header, 400 for a bad or "
       "missing api-version or resource, several ids, or an identity the host does not have "
       "(\"Unable to load the proper Managed Identity.\"), 405 for a method other than GET; "
       "tokens last 3599 s",
       &setIdentityHeader},

      {"--imds", "", G::Workloads,
       "serve the VM form, IMDS's GET /metadata/identity/oauth2/token, on this base URL (a "
       "client must be pointed at it: the real one is 169.254.169.254, never contacted). As the "
       "how-to documents: header Metadata: true in lower case (else 400 bad_request_102 "
       "\"Required metadata header not specified\"), api-version 2018-02-01 or later, resource, "
       "at most one of client_id, object_id and mi_res_id (or the older msi_res_id; none: the "
       "system-assigned identity, else a sole user-assigned one); 200 {access_token, refresh_token "
       "\"\", expires_in, "
       "expires_on, not_before (seconds, strings), resource, token_type}; an identity the host "
       "does not have is 400 \"Identity not found\" (the text IMDS is seen to send). The "
       "identities are those of --managed-identity",
       &Options::imds},
      {"--arc-key-dir", "DIR", G::Workloads,
       "serve Azure Arc's form of /metadata/identity/oauth2/token instead of IMDS's: a request "
       "(Metadata: true, api-version 2019-11-01 or later, resource) without the secret gets 401 "
       "with WWW-Authenticate: Basic realm=DIR/<random>.key, a file (mode 0600) written at "
       "start; sent again with Authorization: Basic <the file's text> it gets IMDS's 200 "
       "answer. Only the system-assigned identity (an id parameter is 400, as Arc has no "
       "user-assigned ones). Not documented, so the emulator's own: one key file per run, "
       "accepted until the emulator stops, and the 401's body",
       &setArcKeyDir},
      {"--imds-gone-first", "N", G::Workloads,
       "answer the first N IMDS (or Arc) token requests 410 Gone, as IMDS does while it is "
       "updating (its "
       "documentation says to retry), so a client's retry can be tested; the body's wording is "
       "the emulator's own",
       &setImdsGoneFirst},
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
    case OptionGroup::Workloads:
      return "Workload identities (federated credentials and managed identities; given on every "
             "start, not kept in the --data file; the tokens they get carry the app's or "
             "identity's --app-role roles and work on every Graph path like app tokens):";
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
