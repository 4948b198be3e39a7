#include "arguments.hpp"

#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

#include "cli_error.hpp"
#include "help.hpp"
#include "text.hpp"

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
    bool operator()(std::optional<std::string> RawOptions::*m) const {
      return (raw.*m).has_value();
    }
    bool operator()(bool RawOptions::*m) const { return raw.*m; }
    bool operator()(std::vector<std::string> RawOptions::*m) const { return !(raw.*m).empty(); }
  };
  return std::visit(Visitor{raw}, spec.slot);
}

void store(RawOptions& raw, const OptionSpec& spec, std::string value) {
  // PowerShell refuses a parameter given twice; only --header (-Headers entries) repeats.
  if (isGiven(raw, spec) && !std::holds_alternative<std::vector<std::string> RawOptions::*>(
                                spec.slot)) {
    throw UsageError(std::string(spec.name) + " is given more than once");
  }
  struct Visitor {
    RawOptions& raw;
    std::string& value;
    void operator()(std::optional<std::string> RawOptions::*m) const { raw.*m = std::move(value); }
    void operator()(bool RawOptions::*m) const { raw.*m = true; }
    void operator()(std::vector<std::string> RawOptions::*m) const {
      (raw.*m).push_back(std::move(value));
    }
  };
  std::visit(Visitor{raw, value}, spec.slot);
}

// Reads `--name value` or `--name=value` starting at argv[i]; advances i past what it used.
void parseOption(const VerbSpec& verb, int argc, const char* const* argv, int& i,
                 RawOptions& raw) {
  const std::string_view arg = argv[i];
  const std::size_t equals = arg.find('=');
  const std::string_view name = arg.substr(0, equals);
  const OptionSpec* spec = findOption(name);
  if (arg.substr(0, 2) != "--" || spec == nullptr) {
    throw UsageError("unknown option '" + std::string(name) + "'; see 'msgraph-identity-sync " +
                     std::string(verb.name) + " --help'");
  }
  if (!acceptsGroup(verb, spec->group)) {
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
    const auto* member = std::get_if<std::optional<std::string> RawOptions::*>(&spec.slot);
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
  const BodyForm form = bodyParameter                                    ? BodyForm::BodyParameter
                        : acceptsGroup(verb, OptionGroup::Expanded)      ? BodyForm::Expanded
                                                                         : BodyForm::None;
  if (targets.size() == 1 && !(bodyParameter && expanded)) {
    for (const ParameterSetSpec& set : verb.sets) {
      if (set.targetOption == targets.front() && set.body == form) return set;
    }
  }
  throw UsageError(std::string(kParameterSetError) + "\n" + parameterSetSummary(verb));
}

template <typename T>
T choose(const RawOptions& raw, std::optional<std::string> RawOptions::*member, T fallback,
         std::initializer_list<std::pair<std::string_view, T>> choices) {
  const std::optional<std::string>& value = raw.*member;
  if (!value) return fallback;
  for (const auto& [name, choice] : choices) {
    if (equalsIgnoreCase(*value, name)) return choice;
  }
  const OptionSpec& spec = optionFor(member);
  throw UsageError(std::string(spec.name) + ": '" + *value + "' is not one of " +
                   std::string(spec.valueName));
}

std::optional<std::chrono::milliseconds> parseTimeout(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  constexpr double kMaxSeconds = 24.0 * 3600.0;
  char* end = nullptr;
  const double seconds = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || !std::isfinite(seconds) || seconds <= 0 ||
      seconds > kMaxSeconds) {
    throw UsageError("--timeout: '" + *text + "' is not a number of seconds between 0 and 86400");
  }
  return std::chrono::milliseconds(std::llround(std::ceil(seconds * 1000.0)));
}

// -Headers takes a dictionary; on a command line each entry is "Name: value".
std::pair<std::string, std::string> splitHeader(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos) {
    throw UsageError("--header '" + text + "': expected 'Name: value'");
  }
  std::string value = text.substr(colon + 1);
  value.erase(0, value.find_first_not_of(" \t"));
  return {text.substr(0, colon), std::move(value)};
}

void interpret(Arguments& args) {
  const RawOptions& raw = args.raw;
  args.output = choose(raw, &RawOptions::output, OutputFormat::Json,
                       {{"json", OutputFormat::Json}, {"text", OutputFormat::Text}});
  args.apiVersion = choose(raw, &RawOptions::apiVersion, msgraph::ApiVersion::V1_0,
                           {{"v1.0", msgraph::ApiVersion::V1_0}, {"beta", msgraph::ApiVersion::Beta}});
  args.cloud = choose(raw, &RawOptions::cloud, msgraph::Cloud::Global,
                      {{"global", msgraph::Cloud::Global},
                       {"usgov", msgraph::Cloud::UsGov},
                       {"usgovdod", msgraph::Cloud::UsGovDoD},
                       {"china", msgraph::Cloud::China}});
  args.timeout = parseTimeout(raw.timeout);
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
  args.verb = findVerb(argv[1]);
  if (args.verb == nullptr) {
    throw UsageError("unknown verb '" + std::string(argv[1]) +
                     "'; expected set, get, update or remove");
  }
  for (int i = 2; i < argc; ++i) {
    if (isHelpFlag(argv[i])) {
      args.raw.help = true;
      return args;
    }
  }
  for (int i = 2; i < argc; ++i) parseOption(*args.verb, argc, argv, i, args.raw);
  checkStdinReaders(args.raw);
  args.parameterSet = &resolveParameterSet(*args.verb, args.raw);
  interpret(args);
  return args;
}

}  // namespace msgraph_cli
