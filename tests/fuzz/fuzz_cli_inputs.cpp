// SPDX-License-Identifier: MIT
// msgraph-identity-sync turns --input-object, --body-parameter, --user-sync-inbound,
// --additional-properties and --is-sync-allowed text into models, or refuses with a
// UsageError or an msgraph::Error; nothing else may escape, as main() would call it a crash.
//
// Input: byte 0 picks a verb and parameter set; the rest holds the option values, separated by
// NUL bytes (which no JSON text contains), given in the order of that set's options.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "cli_error.hpp"
#include "command_spec.hpp"
#include "inputs.hpp"
#include "msgraph/error.hpp"

namespace {

struct Invocation {
  const char* verb;
  std::vector<std::string_view> options;
};

// Parameter sets that read JSON; between them, every JSON option of the tool and the string
// options that end up in a body.
const std::vector<Invocation>& invocations() {
  static const std::vector<Invocation> all = {
      {"set", {"--input-object", "--body-parameter"}},
      {"set", {"--partner-tenant-id", "--body-parameter"}},
      {"update",
       {"--input-object", "--user-sync-inbound", "--additional-properties", "--is-sync-allowed"}},
      {"set",
       {"--partner-tenant-id", "--additional-properties", "--user-sync-inbound", "--display-name"}},
      {"get", {"--input-object"}},
      {"remove", {"--input-object", "--if-match"}},
  };
  return all;
}

// The values between NUL bytes, at most `most` of them: what argv can carry.
std::vector<std::string> split(std::string_view text, std::size_t most) {
  std::vector<std::string> parts;
  while (parts.size() < most) {
    const std::size_t end = std::min(text.find('\0'), text.size());
    parts.emplace_back(text.substr(0, end));
    if (end == text.size()) break;
    text.remove_prefix(end + 1);
  }
  return parts;
}

// `@FILE` and `-` read a file or stdin: not what is fuzzed here, and stdin would block.
bool readsOutside(std::string_view option, std::string_view value) {
  const msgraph_cli::OptionSpec* spec = msgraph_cli::findOption(option);
  return spec != nullptr && spec->takesJson() && (value == "-" || value.substr(0, 1) == "@");
}

void run(const msgraph_cli::Arguments& args) {
  if (args.parameterSet == nullptr) return;  // --help
  const msgraph_cli::Target target = msgraph_cli::readTarget(args);
  if (target.identity) (void)target.identity->toJson();
  if (args.parameterSet->body != msgraph_cli::BodyForm::None) {
    (void)msgraph_cli::readBody(args).toJson();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Invocation& invocation = invocations()[data[0] % invocations().size()];
  const std::vector<std::string> values =
      split(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1),
            invocation.options.size());

  std::vector<std::string> arguments = {"msgraph-identity-sync", invocation.verb};
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (readsOutside(invocation.options[i], values[i])) return 0;
    // --name=value: a value starting with -- stays a value.
    arguments.push_back(std::string(invocation.options[i]) + "=" + values[i]);
  }
  std::vector<const char*> argv;
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());

  try {
    run(msgraph_cli::parseArguments(static_cast<int>(argv.size()), argv.data()));
  } catch (const msgraph_cli::UsageError&) {
  } catch (const msgraph::Error&) {
  }
  return 0;
}
