// SPDX-License-Identifier: MIT
#include "arguments.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "choice.hpp"
#include "cli_error.hpp"
#include "help.hpp"

namespace msgraph_cli {

namespace {

constexpr std::string_view kParameterSetError =
    "Parameter set cannot be resolved using the specified named parameters. One or more "
    "parameters issued cannot be used together or an insufficient number of parameters were "
    "provided.";

bool isHelpFlag(std::string_view arg) { return arg == "--help" || arg == "-h"; }

bool isGiven(const RawOptions& raw, const OptionSpec& spec) {
  struct Visitor {
    const RawOptions& raw;
    bool operator()(ValueMember m) const { return (raw.*m).has_value(); }
    bool operator()(bool RawOptions::*m) const { return raw.*m; }
    bool operator()(std::vector<std::string> RawOptions::*m) const { return !(raw.*m).empty(); }
  };
  return std::visit(Visitor{raw}, spec.slot);
}

void store(RawOptions& raw, const OptionSpec& spec, std::string value) {
  // PowerShell refuses a parameter given twice; only --header (-Headers entries) repeats.
  if (isGiven(raw, spec) &&
      !std::holds_alternative<std::vector<std::string> RawOptions::*>(spec.slot)) {
    throw UsageError(std::string(spec.name) + " is given more than once");
  }
  struct Visitor {
    RawOptions& raw;
    std::string& value;
    void operator()(ValueMember m) const { raw.*m = std::move(value); }
    void operator()(bool RawOptions::*m) const { raw.*m = true; }
    void operator()(std::vector<std::string> RawOptions::*m) const {
      (raw.*m).push_back(std::move(value));
    }
  };
  std::visit(Visitor{raw, value}, spec.slot);
}

// Reads `--name value` or `--name=value` starting at argv[i]; advances i past what it used.
void parseOption(const VerbSpec& verb, int argc, const char* const* argv, int& i, RawOptions& raw) {
  const std::string_view arg = argv[i];
  const std::size_t equals = arg.find('=');
  const std::string_view name = arg.substr(0, equals);
  if (arg.substr(0, 2) != "--") {
    throw UsageError("unexpected argument '" + std::string(arg) + "'; options start with --");
  }
  const OptionSpec* spec = findOption(name);
  if (spec == nullptr) {
    throw UsageError("unknown option '" + std::string(name) + "'; see 'msgraph-identity-sync " +
                     std::string(verb.name) + " --help'");
  }
  if (!acceptsOption(verb, *spec)) {
    throw UsageError("'" + std::string(verb.name) + "' does not take " + std::string(name) +
                     "; see 'msgraph-identity-sync " + std::string(verb.name) + " --help'");
  }
  std::string value;
  if (equals != std::string_view::npos) {
    if (!spec->takesValue()) throw UsageError(std::string(name) + " takes no value");
    value = arg.substr(equals + 1);
  } else if (spec->takesValue()) {
    // A following option means the value was forgotten; --name=--x passes such a value.
    if (i + 1 >= argc || std::string_view(argv[i + 1]).substr(0, 2) == "--") {
      throw UsageError(std::string(name) + " needs a value: " + std::string(spec->valueName));
    }
    value = argv[++i];
  }
  store(raw, *spec, std::move(value));
}

void checkStdinReaders(const RawOptions& raw) {
  int readers = 0;
  for (const OptionSpec& spec : optionSpecs()) {
    const auto* member = std::get_if<ValueMember>(&spec.slot);
    if (spec.takesJson() && member != nullptr && raw.**member == "-") ++readers;
  }
  if (readers > 1) throw UsageError("only one option can read stdin ('-')");
}

const ParameterSetSpec& resolveParameterSet(const VerbSpec& verb, const RawOptions& raw) {
  std::vector<std::string_view> targets;
  bool bodyParameter = false;
  bool expanded = false;
  for (const OptionSpec& spec : optionSpecs()) {
    if (!isGiven(raw, spec)) continue;
    if (spec.group == OptionGroup::Target) targets.push_back(spec.name);
    bodyParameter = bodyParameter || spec.group == OptionGroup::Body;
    expanded = expanded || spec.group == OptionGroup::Expanded;
  }
  // Verbs with a body default to the expanded set, as PowerShell's Set/Update do.
  const BodyForm form = bodyParameter                               ? BodyForm::BodyParameter
                        : acceptsGroup(verb, OptionGroup::Expanded) ? BodyForm::Expanded
                                                                    : BodyForm::None;
  if (targets.size() <= 1 && !(bodyParameter && expanded)) {
    const std::string_view target = targets.empty() ? std::string_view() : targets.front();
    for (const ParameterSetSpec& set : verb.sets) {
      if (set.targetOption == target && set.body == form) return set;
    }
  }
  throw UsageError(std::string(kParameterSetError) + "\n" + parameterSetSummary(verb));
}

// A number of seconds above 0 (or from 0, `fromZero`) and at most a day, as milliseconds.
std::optional<std::chrono::milliseconds> parseSeconds(ValueMember member, bool fromZero,
                                                      const RawOptions& raw) {
  const std::optional<std::string>& text = raw.*member;
  if (!text) return std::nullopt;
  constexpr int kMaxSeconds = 24 * 3600;
  char* end = nullptr;
  const double seconds = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || !std::isfinite(seconds) || seconds < 0 ||
      (seconds == 0 && !fromZero) || seconds > kMaxSeconds) {
    throw UsageError(optionName(member) + ": '" + *text + "' is not a number of seconds " +
                     (fromZero ? "from 0" : "above 0") + " and at most " +
                     std::to_string(kMaxSeconds));
  }
  return std::chrono::milliseconds(std::llround(std::ceil(seconds * 1000.0)));
}

std::optional<int> parseMaxRetries(const RawOptions& raw) {
  if (!raw.maxRetries) return std::nullopt;
  const std::string& text = *raw.maxRetries;
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '9') return text[0] - '0';
  if (text == "10") return 10;
  throw UsageError(optionName(&RawOptions::maxRetries) + ": '" + text +
                   "' is not a whole number from 0 to 10");
}

// -Headers takes a dictionary; on a command line each entry is "Name: value".
std::pair<std::string, std::string> splitHeader(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos) {
    // Not echoed: a header given without its colon may still hold a secret.
    throw UsageError("--header needs 'Name: value', and one was given without a colon");
  }
  std::string value = text.substr(colon + 1);
  value.erase(0, value.find_first_not_of(" \t"));
  return {text.substr(0, colon), std::move(value)};
}

// `[A-Za-z_][A-Za-z0-9_]*`, the names a shell can export.
bool isEnvironmentName(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// The *-env options name a variable; a user who pastes the secret itself must not see it
// printed back, so the value is never part of the message.
void checkEnvironmentNames(const RawOptions& raw) {
  for (const ValueMember member : {&RawOptions::accessTokenEnv, &RawOptions::clientSecretEnv,
                                   &RawOptions::certificatePasswordEnv}) {
    if ((raw.*member) && !isEnvironmentName(*(raw.*member))) {
      throw UsageError(optionName(member) +
                       " takes the NAME of an environment variable ([A-Za-z_][A-Za-z0-9_]*), and "
                       "the value given is not one (not shown: it may be the secret itself)");
    }
  }
}

void interpret(Arguments& args) {
  const RawOptions& raw = args.raw;
  checkEnvironmentNames(raw);
  if (raw.output && args.verb->verb != Verb::Export) {  // export: --output names its file
    args.output =
        choose<OutputFormat>(&RawOptions::output, *raw.output,
                             {{"json", OutputFormat::Json}, {"text", OutputFormat::Text}});
  }
  if (raw.apiVersion) {
    args.apiVersion = choose<msgraph::ApiVersion>(
        &RawOptions::apiVersion, *raw.apiVersion,
        {{"v1.0", msgraph::ApiVersion::V1_0}, {"beta", msgraph::ApiVersion::Beta}});
  }
  if (isDeletedPolicyVerb(args.verb->verb)) {
    if (raw.apiVersion && args.apiVersion != msgraph::ApiVersion::Beta) {
      throw UsageError(
          "--api-version: Graph keeps deleted policies only on its beta endpoint, so '" +
          std::string(args.verb->name) + "' needs beta (its default)");
    }
    args.apiVersion = msgraph::ApiVersion::Beta;
  }
  if (raw.cloud) {
    args.cloud = choose<msgraph::Cloud>(&RawOptions::cloud, *raw.cloud,
                                        {{"global", msgraph::Cloud::Global},
                                         {"usgov", msgraph::Cloud::UsGov},
                                         {"usgovdod", msgraph::Cloud::UsGovDoD},
                                         {"china", msgraph::Cloud::China}});
  }
  args.timeout = parseSeconds(&RawOptions::timeout, false, raw);
  args.deadline = msgraph::CallContext::Clock::now() +
                  parseSeconds(&RawOptions::deadline, false, raw).value_or(kDefaultDeadline);
  args.retryAfterMax = parseSeconds(&RawOptions::retryAfterMax, true, raw);
  args.maxRetries = parseMaxRetries(raw);
  for (const std::string& header : raw.headers) args.headers.push_back(splitHeader(header));
}

}  // namespace

Arguments parseArguments(int argc, const char* const* argv) {
  Arguments args;
  if (argc < 2) throw UsageError("missing verb; see 'msgraph-identity-sync --help'");
  if (isHelpFlag(argv[1])) {
    args.raw.help = true;
    return args;
  }
  if (std::string_view(argv[1]) == "--version") {
    args.raw.version = true;
    return args;
  }
  // The partner and deleted-policy verbs are two words: `partner list`, `deleted list`, ...
  int first = 2;
  std::string name = argv[1];
  if (isVerbGroup(name) && argc > 2 && isHelpFlag(argv[2])) {
    args.raw.help = true;
    return args;
  }
  if (isVerbGroup(name)) {
    if (argc < 3 || argv[2][0] == '-') {
      std::string verbs;
      for (const VerbSpec& verb : verbSpecs()) {
        if (verb.name.substr(0, name.size() + 1) == name + " ") {
          verbs.append(verbs.empty() ? "" : "|").append(verb.name.substr(name.size() + 1));
        }
      }
      throw UsageError("'" + name + "' needs a verb: " + name + " " + verbs);
    }
    name.append(" ").append(argv[first++]);
  }
  args.verb = findVerb(name);
  if (args.verb == nullptr) {
    std::string message = "unknown verb '" + name + "'; the verbs are";
    for (const VerbSpec& verb : verbSpecs()) message.append(" '").append(verb.name).append("'");
    throw UsageError(message);
  }
  for (int i = first; i < argc; ++i) {
    if (isHelpFlag(argv[i])) {
      args.raw.help = true;
      return args;
    }
  }
  for (int i = first; i < argc; ++i) parseOption(*args.verb, argc, argv, i, args.raw);
  checkStdinReaders(args.raw);
  args.parameterSet = &resolveParameterSet(*args.verb, args.raw);
  interpret(args);
  return args;
}

}  // namespace msgraph_cli
