// SPDX-License-Identifier: MIT
#include "command_spec.hpp"

#include <algorithm>

namespace msgraph_cli {

namespace {

using G = OptionGroup;
using R = RawOptions;

// PowerShell's own parameter names are kept in the help so users can map a script to the tool.
const std::vector<OptionSpec> kOptions = {
    {"--partner-tenant-id", "ID", G::Target, &R::partnerTenantId,
     "the partner tenant's id (-CrossTenantAccessPolicyConfigurationPartnerTenantId)"},
    {"--input-object", kJsonValue, G::Target, &R::inputObject,
     "an identity object whose crossTenantAccessPolicyConfigurationPartnerTenantId names the "
     "partner; keys are case-insensitive (-InputObject)"},
    {"--body-parameter", kJsonValue, G::Body, &R::bodyParameter,
     "the whole policy as JSON; typed keys are case-insensitive (-BodyParameter). partner "
     "update: the partner's changes, with Graph's property names. get output fits: its "
     "@odata.* annotations, tenantId and deletedDateTime are dropped, not sent"},
    {"--display-name", "S", G::Expanded, &R::displayName,
     "displayName (-DisplayName); null clears it, '\"null\"' sends the text null"},
    {"--tenant-id", "S", G::Expanded, &R::tenantId, "tenantId, read-only on Graph (-TenantId)"},
    {"--is-sync-allowed", "true|false|null", G::Expanded, &R::isSyncAllowed,
     "userSyncInbound.isSyncAllowed"},
    {"--user-sync-inbound", kJsonValue, G::Expanded, &R::userSyncInbound,
     "userSyncInbound as a JSON object, or null (-UserSyncInbound)"},
    {"--additional-properties", kJsonValue, G::Expanded, &R::additionalProperties,
     "a JSON object merged into the body's additional properties (-AdditionalProperties)"},
    {"--property", "A,B", G::Get, &R::property, "only these properties, $select (-Property)"},
    {"--expand-property", "A,B", G::Get, &R::expandProperty,
     "expand these relationships, $expand (-ExpandProperty)"},
    {"--if-match", "ETAG", G::Remove, &R::ifMatch, "delete only if the ETag matches (-IfMatch)"},
    {"--pass-thru", "", G::PassThru, &R::passThru,
     "print True on success (true with --output json) (-PassThru)"},
    {"--ensure-partner", "", G::Ensure, &R::ensurePartner,
     "first create the partner configuration if Graph has none (POST .../partners)"},
    {"--inbound-user-consent", "true|false", G::Consent, &R::inboundUserConsent,
     "the partner's automaticUserConsentSettings.inboundAllowed (ensure: with --ensure-partner, "
     "PATCH only if it differs)"},
    {"--is-service-provider", "true|false", G::Partner, &R::isServiceProvider,
     "the partner's isServiceProvider"},
    {"--top", "N", G::List, &R::top,
     "at most N partners per page, $top (1 to 999); every page "
     "is printed"},
    {"--select", "A,B", G::List, &R::select, "only these properties, $select"},
    {"--expand", "A,B", G::List, &R::expand,
     "expand these relationships, $expand, e.g. identitySynchronization"},
    {"--desired", "FILE", G::Desired, &R::desired,
     "the desired-state file: JSON Lines (one partner a line) or CSV with a header row"},
    {"--format", "jsonl|csv", G::Desired, &R::desiredFormat,
     "the format of --desired (default: from its extension, .jsonl or .csv)"},
    {"--prune", "", G::Desired, &R::prune,
     "also remove the partners of a tenant the file names that no line desires (their policy, "
     "then their configuration)"},
    {"--concurrency", "auto|N", G::Apply, &R::concurrency,
     "requests in flight: auto (the quota-aware scheduler, default) or a fixed N (1-256) without "
     "quota pacing"},
    {"--batch", "", G::Apply, &R::batch,
     "send the requests in Graph's $batch envelopes: fewer round trips, the same quota (each "
     "request of an envelope counts), the same results"},
    {"--batch-size", "N", G::Apply, &R::batchSize,
     "with --batch: at most N requests per envelope, 1 to 20 (default 20)"},
    {"--results", "FILE", G::Apply, &R::results,
     "append a JSON line per partner to FILE as each finishes (flushed per line)"},
    {"--resume", "FILE", G::Apply, &R::resume,
     "skip the partners a results FILE records as done (a missing FILE: none)"},
    {"--quiet", "", G::Apply, &R::quiet, "no progress on stderr"},
    {"--force", "", G::Export, &R::force,
     "export: replace the --output file if it exists; token: print the token to a terminal too"},
    {"--header", "'NAME: VALUE'", G::Common, &R::headers,
     "an extra request header; repeatable (-Headers)"},
    {"--response-headers", "", G::Common, &R::responseHeaders,
     "print the response headers as a JSON object on stderr (-ResponseHeadersVariable)"},
    {"--what-if", "", G::Common, &R::whatIf,
     "print the exact request instead of sending it; needs no credentials (-WhatIf)"},
    {"--confirm", "", G::Common, &R::confirm,
     "ask on the terminal before sending; no terminal means no (-Confirm)"},
    {"--output", "json|text", G::Common, &R::output,
     "how to print a result (default json; plan and drift: text); export: the FILE to write"},
    {"--api-version", "v1.0|beta", G::Common, &R::apiVersion,
     "the Graph API version (default v1.0; restore and deleted: beta, the only one they have)"},
    {"--verbose", "", G::Common, &R::verbose,
     "log requests and responses to stderr, secrets redacted (-Verbose)"},
    {"--timeout", "SECONDS", G::Common, &R::timeout, "bound each attempt of the call"},
    {"--deadline", "SECONDS", G::Common, &R::deadline,
     "bound the whole command: every attempt, every wait before a retry, the token requests "
     "(default 600)"},
    {"--max-retries", "N", G::Common, &R::maxRetries,
     "retry a throttled or failed call at most N times, 0 to 10 (default 3)"},
    {"--retry-after-max", "SECONDS", G::Common, &R::retryAfterMax,
     "wait at most this long when Graph's Retry-After asks for more (default 180)"},
    {"--retry-patch", "", G::Common, &R::retryPatch,
     "also retry PATCH and POST after a 504, a 503 without Retry-After or a dropped "
     "connection, where Graph may have applied them (429 is always retried)"},
    {"--help", "", G::Common, &R::help, "print this help"},
    {"--cloud", "global|usgov|usgovdod|china", G::Endpoint, &R::cloud,
     "the national cloud (default global)"},
    {"--graph-url", "URL", G::Endpoint, &R::graphUrl,
     "the Graph service root instead of the cloud's, e.g. https://127.0.0.1:8443"},
    {"--login-url", "URL", G::Endpoint, &R::loginUrl,
     "the identity platform authority instead of the cloud's"},
    {"--ca-file", "PATH", G::Endpoint, &R::caFile,
     "trust the CA certificates in this PEM file (Graph and token requests)"},
    {"--access-token-env", "VAR", G::Auth, &R::accessTokenEnv,
     "read a bearer token from this environment variable (default MSGRAPH_ACCESS_TOKEN)"},
    {"--tenant", "T", G::Auth, &R::tenant, "the app's tenant, for app credentials"},
    {"--client-id", "ID", G::Auth, &R::clientId, "the app's client id, for app credentials"},
    {"--client-secret-env", "VAR", G::Auth, &R::clientSecretEnv,
     "read the client secret from this environment variable"},
    {"--certificate", "FILE", G::Auth, &R::certificate,
     "sign in with this certificate: .pfx/.p12, else PEM with the private key"},
    {"--certificate-password-env", "VAR", G::Auth, &R::certificatePasswordEnv,
     "read the certificate's password from this environment variable"},
    {"--credential", "environment|workload|managed-identity|azure-cli|secret|certificate|token",
     G::Auth, &R::credential,
     "sign in with this credential only (default: MSGRAPH_ACCESS_TOKEN if set, the app flags if "
     "given, else the chain environment, workload, managed-identity, azure-cli)"},
    {"--managed-identity-client-id", "ID", G::Auth, &R::managedIdentityClientId,
     "the user-assigned managed identity with this client id (default: AZURE_CLIENT_ID, else "
     "the system-assigned one)"},
};

// PowerShell names the sets <Prefix>, <Prefix>Expanded, <Prefix>ViaIdentity[Expanded].
std::vector<ParameterSetSpec> bodySets(const std::string& prefix) {
  return {{prefix + "Expanded", "--partner-tenant-id", BodyForm::Expanded},
          {prefix, "--partner-tenant-id", BodyForm::BodyParameter},
          {prefix + "ViaIdentityExpanded", "--input-object", BodyForm::Expanded},
          {prefix + "ViaIdentity", "--input-object", BodyForm::BodyParameter}};
}

std::vector<ParameterSetSpec> targetSets(const std::string& prefix) {
  return {{prefix, "--partner-tenant-id", BodyForm::None},
          {prefix + "ViaIdentity", "--input-object", BodyForm::None}};
}

// plan and drift send no write to preview or confirm, and read many pages, not one response.
const std::vector<bool RawOptions::*> kReadOnlySwitches = {&R::whatIf, &R::confirm,
                                                           &R::responseHeaders};

const std::vector<VerbSpec> kVerbs = {
    {Verb::Set,
     "set",
     "Set-MgPolicyCrossTenantAccessPolicyPartnerIdentitySynchronization",
     "PUT",
     "Create the cross-tenant user synchronization policy of a partner (Graph answers 409 when "
     "one exists: use update or ensure).",
     bodySets("Set"),
     {G::Body, G::Expanded}},
    {Verb::Get,
     "get",
     "Get-MgPolicyCrossTenantAccessPolicyPartnerIdentitySynchronization",
     "GET",
     "Get the cross-tenant user synchronization policy of a partner.",
     targetSets("Get"),
     {G::Get}},
    {Verb::Update,
     "update",
     "Update-MgPolicyCrossTenantAccessPolicyPartnerIdentitySynchronization",
     "PATCH",
     "Change some properties of the policy of a partner (null clears one).",
     bodySets("Update"),
     {G::Body, G::Expanded}},
    {Verb::Remove,
     "remove",
     "Remove-MgPolicyCrossTenantAccessPolicyPartnerIdentitySynchronization",
     "DELETE",
     "Delete the cross-tenant user synchronization policy of a partner.",
     targetSets("Delete"),
     {G::Remove, G::PassThru}},
    {Verb::Ensure,
     "ensure",
     "no cmdlet: Get-, then Set- or Update-...IdentitySynchronization only as needed",
     "GET, then PUT|PATCH",
     "Make the policy of a partner match: create it, patch what differs, or leave it.",
     bodySets("Ensure"),
     {G::Body, G::Expanded, G::Ensure, G::Consent}},
    {Verb::PartnerList,
     "partner list",
     "Get-MgPolicyCrossTenantAccessPolicyPartner",
     "GET",
     "List the partner configurations, following every page.",
     {{"List", "", BodyForm::None}},
     {G::List}},
    {Verb::PartnerCreate,
     "partner create",
     "New-MgPolicyCrossTenantAccessPolicyPartner",
     "POST",
     "Create the configuration of a partner.",
     {{"Create", "--partner-tenant-id", BodyForm::None}},
     {G::Consent}},
    {Verb::PartnerGet,
     "partner get",
     "Get-MgPolicyCrossTenantAccessPolicyPartner",
     "GET",
     "Get the configuration of a partner.",
     {{"Get", "--partner-tenant-id", BodyForm::None}},
     {}},
    {Verb::PartnerUpdate,
     "partner update",
     "Update-MgPolicyCrossTenantAccessPolicyPartner",
     "PATCH",
     "Change some properties of the configuration of a partner.",
     {{"UpdateExpanded", "--partner-tenant-id", BodyForm::None},
      {"Update", "--partner-tenant-id", BodyForm::BodyParameter}},
     {G::Body, G::Consent, G::Partner}},
    {Verb::PartnerRemove,
     "partner remove",
     "Remove-MgPolicyCrossTenantAccessPolicyPartner",
     "DELETE",
     "Delete the configuration of a partner (Graph refuses while it has a policy).",
     {{"Delete", "--partner-tenant-id", BodyForm::None}},
     {}},
    {Verb::Restore,
     "restore",
     "beta: the restore action of a deleted crossTenantIdentitySyncPolicyPartner",
     "POST",
     "Restore the deleted policy of a partner (beta; kept 30 days after its deletion).",
     {{"Restore", "--partner-tenant-id", BodyForm::None}},
     {}},
    {Verb::DeletedList,
     "deleted list",
     "beta: List crossTenantSyncPolicyPartners (deleted items)",
     "GET",
     "List the deleted policies Graph still keeps (beta), following every page.",
     {{"List", "", BodyForm::None}},
     {}},
    {Verb::DeletedRemove,
     "deleted remove",
     "beta: Permanently delete an item (policyDeletableItem)",
     "DELETE",
     "Delete the deleted policy of a partner for good (beta): it can no longer be restored.",
     {{"Delete", "--partner-tenant-id", BodyForm::None}},
     {G::PassThru}},
    {Verb::Export,
     "export",
     "no cmdlet: Get-MgPolicyCrossTenantAccessPolicyPartner -ExpandProperty "
     "identitySynchronization -All",
     "GET",
     "Write every partner with its policy to a desired-state file (--output FILE, JSON Lines).",
     {{"Export", "", BodyForm::None}},
     {G::Export},
     {&R::confirm, &R::responseHeaders}},
    {Verb::Plan,
     "plan",
     "no cmdlet: the partners' GET, compared with a desired-state file",
     "GET",
     "Print what apply would do to make the tenants match --desired FILE; writes nothing.",
     {{"Plan", "", BodyForm::None}},
     {G::Desired},
     kReadOnlySwitches},
    {Verb::Drift,
     "drift",
     "no cmdlet: plan, for scheduled checks",
     "GET",
     "Exit 0 when the tenants match --desired FILE, else 8 with the differences; writes "
     "nothing.",
     {{"Drift", "", BodyForm::None}},
     {G::Desired},
     kReadOnlySwitches},
    {Verb::Apply,
     "apply",
     "no cmdlet: ensure, and with --prune remove, every partner of a desired-state file",
     "POST, PUT, PATCH, DELETE",
     "Make the tenants match --desired FILE at the pace Graph's quotas allow; resumable.",
     {{"Apply", "", BodyForm::None}},
     {G::Desired, G::Apply},
     kReadOnlySwitches},
    {Verb::Token,
     "token",
     "no cmdlet: the token Connect-MgGraph signs in with, printed",
     "POST",
     "Print a Graph access token for scripts (to a pipe or file; a terminal only with --force).",
     {{"Token", "", BodyForm::None}},
     {G::Export},
     kReadOnlySwitches},
};

}  // namespace

const std::vector<OptionSpec>& optionSpecs() { return kOptions; }

const std::vector<VerbSpec>& verbSpecs() { return kVerbs; }

const OptionSpec* findOption(std::string_view name) {
  auto it = std::find_if(kOptions.begin(), kOptions.end(),
                         [&](const OptionSpec& spec) { return spec.name == name; });
  return it == kOptions.end() ? nullptr : &*it;
}

const OptionSpec& optionFor(const OptionSlot& slot) {
  return *std::find_if(kOptions.begin(), kOptions.end(),
                       [&](const OptionSpec& spec) { return spec.slot == slot; });
}

std::string optionName(ValueMember member) { return std::string(optionFor(member).name); }

bool isPartnerVerb(Verb verb) {
  switch (verb) {
    case Verb::PartnerList:
    case Verb::PartnerCreate:
    case Verb::PartnerGet:
    case Verb::PartnerUpdate:
    case Verb::PartnerRemove:
      return true;
    default:
      return false;
  }
}

bool isDeletedPolicyVerb(Verb verb) {
  return verb == Verb::Restore || verb == Verb::DeletedList || verb == Verb::DeletedRemove;
}

bool isFleetVerb(Verb verb) {
  return verb == Verb::Export || verb == Verb::Plan || verb == Verb::Drift || verb == Verb::Apply;
}

bool isVerbGroup(std::string_view word) { return word == "partner" || word == "deleted"; }

const VerbSpec* findVerb(std::string_view name) {
  auto it = std::find_if(kVerbs.begin(), kVerbs.end(),
                         [&](const VerbSpec& spec) { return spec.name == name; });
  return it == kVerbs.end() ? nullptr : &*it;
}

bool acceptsGroup(const VerbSpec& verb, OptionGroup group) {
  switch (group) {
    case G::Target:
    case G::Common:
    case G::Endpoint:
    case G::Auth:
      return true;
    default:
      return std::find(verb.ownGroups.begin(), verb.ownGroups.end(), group) != verb.ownGroups.end();
  }
}

bool acceptsOption(const VerbSpec& verb, const OptionSpec& option) {
  const auto& refused = verb.refusedSwitches;
  if (std::any_of(refused.begin(), refused.end(),
                  [&option](auto member) { return option.slot == OptionSlot(member); })) {
    return false;
  }
  if (option.group != G::Target) return acceptsGroup(verb, option.group);
  return std::any_of(verb.sets.begin(), verb.sets.end(),
                     [&](const ParameterSetSpec& set) { return set.targetOption == option.name; });
}

std::string_view groupTitle(OptionGroup group) {
  switch (group) {
    case G::Target:
      return "Target (exactly one)";
    case G::Body:
      return "Body, as one JSON object";
    case G::Expanded:
      return "Body, property by property";
    case G::Get:
      return "Get";
    case G::Remove:
      return "Remove";
    case G::PassThru:
      return "Result";
    case G::Ensure:
      return "Ensure";
    case G::Consent:
      return "Partner consent";
    case G::Partner:
      return "Partner";
    case G::List:
      return "List";
    case G::Desired:
      return "Desired state";
    case G::Apply:
      return "Apply";
    case G::Export:
      return "Export";
    case G::Common:
      return "Common";
    case G::Endpoint:
      return "Endpoint";
    case G::Auth:
      return "Authentication (secrets only through environment variables)";
  }
  return "";
}

}  // namespace msgraph_cli
