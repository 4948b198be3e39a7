// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

/// @file
/// The command line as data: every option and every verb with its parameter sets. The parser,
/// the parameter-set resolution and the help text all read these tables, so an option is
/// described exactly once.

namespace msgraph_cli {

/// Option values as given on the command line, before they are interpreted.
struct RawOptions {
  std::optional<std::string> partnerTenantId;
  std::optional<std::string> inputObject;
  std::optional<std::string> bodyParameter;
  std::optional<std::string> displayName;
  std::optional<std::string> tenantId;
  std::optional<std::string> isSyncAllowed;
  std::optional<std::string> userSyncInbound;
  std::optional<std::string> additionalProperties;
  std::optional<std::string> property;
  std::optional<std::string> expandProperty;
  std::optional<std::string> ifMatch;
  bool passThru = false;
  bool ensurePartner = false;
  std::optional<std::string> inboundUserConsent;
  std::optional<std::string> isServiceProvider;
  std::optional<std::string> top;
  std::optional<std::string> select;
  std::optional<std::string> expand;
  std::vector<std::string> headers;
  bool responseHeaders = false;
  bool whatIf = false;
  bool confirm = false;
  std::optional<std::string> output;
  std::optional<std::string> apiVersion;
  bool verbose = false;
  std::optional<std::string> timeout;
  std::optional<std::string> maxRetries;
  std::optional<std::string> retryAfterMax;
  std::optional<std::string> deadline;
  bool retryPatch = false;
  bool help = false;
  bool version = false;
  std::optional<std::string> cloud;
  std::optional<std::string> graphUrl;
  std::optional<std::string> loginUrl;
  std::optional<std::string> caFile;
  std::optional<std::string> accessTokenEnv;
  std::optional<std::string> tenant;
  std::optional<std::string> clientId;
  std::optional<std::string> clientSecretEnv;
  std::optional<std::string> certificate;
  std::optional<std::string> certificatePasswordEnv;
  std::optional<std::string> credential;
  std::optional<std::string> managedIdentityClientId;
  std::optional<std::string> desired;
  std::optional<std::string> desiredFormat;
  bool prune = false;
  bool force = false;
  std::optional<std::string> concurrency;
  bool batch = false;
  std::optional<std::string> batchSize;
  std::optional<std::string> results;
  std::optional<std::string> resume;
  bool quiet = false;
};

/// What an option is about; decides which verbs accept it and where help lists it.
enum class OptionGroup {
  Target,
  Body,
  Expanded,
  Get,
  Remove,
  PassThru,
  Ensure,
  Consent,
  Partner,
  List,
  Desired,
  Apply,
  Export,
  Common,
  Endpoint,
  Auth
};

/// Where an option with one value is stored.
using ValueMember = std::optional<std::string> RawOptions::*;
/// Where a parsed option is stored: a value, a switch, or a repeatable value.
using OptionSlot =
    std::variant<ValueMember, bool RawOptions::*, std::vector<std::string> RawOptions::*>;

/// The value placeholder of options that take JSON inline, from a file, or from stdin.
inline constexpr std::string_view kJsonValue = "JSON|@FILE|-";

/// One command-line option.
struct OptionSpec {
  std::string_view name;       // e.g. "--display-name"
  std::string_view valueName;  // e.g. "S"; empty for a switch
  OptionGroup group;
  OptionSlot slot;
  std::string_view help;

  bool takesValue() const noexcept { return !valueName.empty(); }
  bool takesJson() const noexcept { return valueName == kJsonValue; }
};

/// The verbs: one per cmdlet, ensure (set or update, only as needed), the partner
/// configuration's verbs (`partner list`, ...), the fleet's, and `token` (a token for scripts).
enum class Verb {
  Set,
  Get,
  Update,
  Remove,
  Ensure,
  PartnerList,
  PartnerCreate,
  PartnerGet,
  PartnerUpdate,
  PartnerRemove,
  Restore,
  DeletedList,
  DeletedRemove,
  Export,
  Plan,
  Drift,
  Apply,
  Token
};

/// How a parameter set supplies the request body.
enum class BodyForm { None, Expanded, BodyParameter };

/// One of PowerShell's parameter sets: a target option and a body form.
struct ParameterSetSpec {
  std::string name;               // e.g. "SetViaIdentityExpanded"
  std::string_view targetOption;  // "--partner-tenant-id", "--input-object", or "" for none
  BodyForm body;
};

/// One verb: its cmdlet, its parameter sets (the first is the default) and its own options.
struct VerbSpec {
  Verb verb;
  std::string_view name;
  std::string_view cmdlet;
  std::string_view method;
  std::string_view summary;
  std::vector<ParameterSetSpec> sets;
  std::vector<OptionGroup> ownGroups;  // beyond the target, common, endpoint and auth options
  std::vector<bool RawOptions::*> refusedSwitches = {};  // common switches it has no use for
};

/// Every option, in help order.
const std::vector<OptionSpec>& optionSpecs();
/// Every verb, in help order.
const std::vector<VerbSpec>& verbSpecs();
/// The option named `name` (with its leading `--`), or null.
const OptionSpec* findOption(std::string_view name);
/// The option stored in `slot`; every slot has one.
const OptionSpec& optionFor(const OptionSlot& slot);
/// The name of the option stored in `member`, e.g. "--body-parameter", for messages.
std::string optionName(ValueMember member);
/// Whether `verb` acts on partner configurations rather than on a policy.
bool isPartnerVerb(Verb verb);
/// Whether `verb` acts on deleted policies, which only Graph's beta endpoint has.
bool isDeletedPolicyVerb(Verb verb);
/// Whether `verb` works on a desired-state file or writes one (export, plan, drift).
bool isFleetVerb(Verb verb);
/// Whether `word` starts a two-word verb (`partner list`, `deleted list`, ...).
bool isVerbGroup(std::string_view word);
/// The verb named `name` (`partner list` is one name), or null.
const VerbSpec* findVerb(std::string_view name);
/// Whether `verb` accepts the options of `group`.
bool acceptsGroup(const VerbSpec& verb, OptionGroup group);
/// Whether `verb` accepts `option`: its group, and a target option only if a set names it.
bool acceptsOption(const VerbSpec& verb, const OptionSpec& option);
/// The heading of `group` in help text.
std::string_view groupTitle(OptionGroup group);

}  // namespace msgraph_cli
