// SPDX-License-Identifier: MIT
#include "server/options.hpp"

#include <optional>

#include "msgraph/loopback.hpp"
#include "server/option_specs.hpp"

namespace emulator {
namespace {

constexpr std::size_t kHelpWidth = 96;
constexpr std::size_t kHelpIndent = 25;  // where a flag's description starts

constexpr const char* kIntro = R"(Usage: msgraph-emulator [options]

A local emulator of the Microsoft Graph endpoints msgraph-cpp uses: partner configurations and
their identity synchronization policies (/v1.0 and /beta), $batch, the client-credentials
token endpoint (POST /{tenant}/oauth2/v2.0/token) with federated credentials, and the managed
identity endpoints of App Service (GET /msi/token) and IMDS. When ready it prints one line on
stdout:
  msgraph-emulator listening on <base-url>
SIGINT or SIGTERM stops it.
)";

constexpr const char* kOutro = R"(
Graph's documented answers, given as documented: a PUT of an identity synchronization policy
only creates it; when one exists it is 409 Request_MultipleObjectsWithSameKeyValue and the policy
is left as it is (changes go through PATCH). A POST of a partner that exists is the same 409
with the message "Another object with the same value for property tenantId already exists.".
PATCH of a partner configuration answers 204; a PATCH of a partner or a policy that does not
exist is Directory_ObjectNotFound, "Unable to read the company information from the
directory." (the codes and messages Microsoft's troubleshooting guide quotes).
Not documented, so the emulator's own choices: the statuses of those two errors (409 and 404);
the ConflictingObjects detail (one, whose "target" is the partner tenant id); a PATCH merges complex properties (inboundTrust, ...) one level deep, member
by member, and replaces deeper objects whole; a PATCH whose tenantId differs from the path is
400; DELETE of a partner that still has a policy is 400 BadRequest. GET of the partner list
pages in tenant id order, 100 a page by default ($top 1 to 999): Graph's own page size is not
documented; a $skiptoken not made by this emulator run (it is signed) is 400.

Deleted policies (beta only; on /v1.0 these paths are 404 like any unknown segment): a DELETE
of a policy (/v1.0 or /beta) moves it to the deleted items with deletedDateTime, kept 30 days.
  GET  /beta/policies/deletedItems/crossTenantSyncPolicyPartners             200 {"value":[...]}
  POST /beta/policies/deletedItems/crossTenantSyncPolicyPartners/{id}/restore  200 the policy
  DELETE /beta/policies/deletedItems/crossTenantSyncPolicyPartners/{id}      204, gone for good
An unknown id is 404 Request_ResourceNotFound. Not documented, so the emulator's own choices: a
restore while the partner has a live policy is 409 Request_MultipleObjectsWithSameKeyValue
(both kept); a restore whose partner configuration is gone is 404 (or recreates it with
--auto-create-partners); a second deletion for the same partner replaces the first deleted
item; the restore answer shows deletedDateTime as the documented example does; items older
than 30 days are purged when these paths are called, by their deletedDateTime against the
system clock (no timer runs, and the clock cannot be set); the list is one page (the reference
shows no paging for it).

Statistics: GET /emulator/stats needs no token, is never faulted, throttled or counted; it
answers 200 with the counts since the start:
  {"graphRequests":N,"faults":{"throttle":N,"unavailable":N,"drop":N,"oversize":N,
   "dropAfterApply":N},"writes":N,
   "writesByPartner":{"<tenant>":{"<partner tenant id>":N,...},...},
   "throttled":{"Tenant_Application/Write":N,"Tenant_Application/Read":N,"Tenant/Write":N}}
where "writes" counts the calls that changed the state (a refused or idempotent call adds none);
"writesByPartner" the writes answered 2xx, by the tenant whose policies they changed (its key,
see Tenants) and the partner they changed (each changed the state:
a PUT, PATCH or DELETE of a policy, a POST, PATCH or DELETE of a partner, a restore or a
permanent delete of a deleted policy; $batch items and writes applied before a dropped
connection included); "throttled" the 429s of the --throttle-* buckets by the scope they named
(those of --fault-429-every are "faults"."throttle").

Throttling (--throttle-*), as documented for Graph's identity and access service
(https://learn.microsoft.com/graph/throttling,
https://learn.microsoft.com/graph/throttling-limits "Identity and access service limits"): token
buckets per app and tenant, both taken from the caller's token (the client id and the token
request's tenant segment, in lower case: a GUID and a domain name of one tenant are two tenants
here). Metered are the requests on the partner, policy and deleted-policy paths, each $batch
item on its own (the envelope is not): GET and HEAD are reads, POST, PUT, PATCH and DELETE
writes; a write takes from its app+tenant bucket and its tenant bucket. Not metered: the token
endpoint, /emulator/*, requests refused with 401 or 403 (authentication and permissions come
first), and requests given a --fault-* other than drop after apply (they never reach the
buckets; a request dropped after apply was served). Every metered request takes a token, a
refused one too ("all requests accrue against your usage limits"), so retrying at once only
makes the wait longer. A refused request is 429 with Graph's documented body (TooManyRequests,
"Please retry again later."), Retry-After, x-ms-throttle-scope
<Scope>/<Limit>/<appId>/<tenantId> (Tenant_Application/Write, Tenant_Application/Read or
Tenant/Write), x-ms-throttle-information (WriteLimitExceeded, or ResourceUnitLimitExceeded for
reads) and x-ms-throttle-limit-percentage; a request let through carries
x-ms-throttle-limit-percentage when the use of its limits is above 0.8.
Not documented, so the emulator's own choices: a bucket starts full and refills continuously, a
token every SECONDS/N; a refused request digs a debt of up to 0.8 N tokens below empty, so the
use reaches 1.8, the top of the documented range; the use is (N - tokens left) / N of the most
used bucket of the request, rounded up to two decimals (0.81 .. 1.80); Retry-After is the time
until every bucket of the request holds a token again, rounded up to the millisecond and written
in seconds with up to three decimals (2.128 as in the documented sample, 3 when whole); of two
refusing buckets the scope names the one that frees last; a token not issued here
(--accept-any-token) is metered as app and tenant 00000000-0000-0000-0000-000000000000. Not
modelled: x-ms-resource-unit, ResourceUnit costs other than 1, the per-app limits across
tenants, x-ms-throttle-priority.

Limits, the emulator's own (Graph documents 413 Request Entity Too Large but no figure for these
APIs): a request body over 4 MB, whether sent with Content-Length, chunked or until the
connection ends, is 413 RequestEntityTooLarge; the bytes past the limit are read and dropped as
they arrive, never kept. Up to 128 connections are served at once, each on its own thread; more
wait for a free one. A connection that sends nothing is closed after 2 s (5 s before its TLS
handshake is done), one that stops in the middle of a request after 5 s without a byte.

Tenants: Graph keeps the cross-tenant access policy of each tenant apart, and so does the
emulator: a call reads and writes the partners and deleted items of the tenant its token was
issued for (the tenant segment of the token request, in lower case; a token not issued here,
with --accept-any-token, is tenant 00000000-0000-0000-0000-000000000000). Two names are two
tenants unless --tenant NAME=ALIAS ties them: ALIAS then signs in to NAME's policies, which are
kept under NAME in lower case (the tenant's key, as /emulator/stats names it). An alias cannot
be a tenant of its own or an alias of another tenant (exit 2). A data file of format version 4
or older kept one store for every tenant: its partners and deleted items become those of the
first tenant the file lists or, when it lists none, of the first --tenant; with neither, a file
that holds any is refused (exit 2) and left as it is.

The --data file is written through a fresh FILE.tmp-<random> (created exclusively, mode 0600,
never through a symbolic link), fsynced and renamed over FILE, which is then a regular file.
While it runs the emulator holds an flock on FILE.lock (created if absent, left in place): a
second emulator on the same FILE exits with status 2 and says so.

Exit status: 0 after a clean stop, 1 on a runtime failure, 2 on a usage error, a data-file
error (another emulator holding it included), an --app-cert file that cannot be read or holds no
RSA certificate, a --federated-issuer file that cannot be read or holds no RSA public key, an
--app-federated whose issuer is no --federated-issuer, or an --app-role for an app that is not
registered.
)";

void checkCombination(const Options& options) {
  if (options.tlsCert.has_value() != options.tlsKey.has_value()) {
    throw UsageError(options.tlsCert ? "--tls-cert needs --tls-key" : "--tls-key needs --tls-cert");
  }
  if (options.tlsCert && options.tlsSelfSignedDir) {
    throw UsageError("--tls-self-signed cannot be combined with --tls-cert/--tls-key");
  }
  const bool metadataPath = options.imds || options.arcKeyDir;
  if (!options.managedIdentities.empty() && !options.identityHeader && !metadataPath) {
    throw UsageError(
        "--managed-identity needs --identity-header (the value clients send as "
        "X-IDENTITY-HEADER), --imds or --arc-key-dir");
  }
  if (options.imdsGoneFirst != 0 && !metadataPath) {
    throw UsageError("--imds-gone-first needs --imds or --arc-key-dir");
  }
  if (options.imds && options.arcKeyDir) {
    throw UsageError(
        "--imds and --arc-key-dir both serve /metadata/identity/oauth2/token: give one of them");
  }
  if (!options.host.empty() && options.host.front() == '[') {
    throw UsageError("--host " + options.host + ": give an IPv6 address without brackets");
  }
  if (!options.allowRemote && !msgraph::isLoopbackHost(options.host)) {
    throw UsageError("--host " + options.host +
                     ": not a loopback address (127.0.0.0/8, ::1, localhost); add --allow-remote "
                     "to listen on it");
  }
}

// Appends `text` as lines of at most kHelpWidth columns, each but the first indented by
// `indent` (the first continues what is already on the line, which ends at `column`).
void appendWrapped(std::string& out, std::string_view text, std::size_t column,
                   std::size_t indent) {
  while (!text.empty()) {
    std::size_t fits = kHelpWidth - column;
    std::size_t end = text.size();
    if (end > fits) {
      end = text.rfind(' ', fits);
      if (end == std::string_view::npos || end == 0) end = text.find(' ');
      if (end == std::string_view::npos) end = text.size();
    }
    out.append(text.substr(0, end));
    out += '\n';
    text.remove_prefix(end == text.size() ? end : end + 1);
    if (!text.empty()) out.append(indent, ' ');
    column = indent;
  }
}

std::string renderUsage() {
  std::string out = kIntro;
  std::optional<OptionGroup> group;
  for (const OptionSpec& spec : optionSpecs()) {
    if (spec.group != group) {
      group = spec.group;
      out += '\n';
      const std::string_view title = groupTitle(spec.group);
      if (!title.empty()) appendWrapped(out, title, 0, 0);
    }
    std::string label = "  " + std::string(spec.name);
    if (!spec.valueName.empty()) label += " " + std::string(spec.valueName);
    if (label.size() < kHelpIndent) {
      label.resize(kHelpIndent, ' ');
    } else {
      label += '\n' + std::string(kHelpIndent, ' ');
    }
    out += label;
    appendWrapped(out, spec.help, kHelpIndent, kHelpIndent);
  }
  return out + kOutro;
}

}  // namespace

Options parseOptions(int argc, const char* const* argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    std::optional<std::string> inlineValue;
    if (const std::size_t equals = flag.find('='); equals != std::string::npos) {
      inlineValue = flag.substr(equals + 1);
      flag.resize(equals);
    }
    const OptionSpec* spec = findOption(flag);
    if (spec == nullptr) throw UsageError(flag + ": unknown option (see --help)");
    if (const auto* member = std::get_if<bool Options::*>(&spec->setter)) {
      if (inlineValue) throw UsageError(flag + ": takes no value");
      options.*(*member) = true;
    } else if (const auto* optional = std::get_if<OptionalValue>(&spec->setter)) {
      if (!inlineValue && i + 1 < argc && argv[i + 1][0] != '-') inlineValue = argv[++i];
      optional->setter(options, flag, inlineValue.value_or(std::string()));
    } else {
      if (!inlineValue && i + 1 >= argc) throw UsageError(flag + ": missing value");
      std::get<ValueSetter>(spec->setter)(options, flag,
                                          inlineValue ? *inlineValue : std::string(argv[++i]));
    }
  }
  if (!options.help && !options.version) checkCombination(options);
  return options;
}

const std::string& usageText() {
  static const std::string text = renderUsage();
  return text;
}

}  // namespace emulator
