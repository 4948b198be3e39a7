// SPDX-License-Identifier: MIT
#include "help.hpp"

#include <string_view>
#include <vector>

#include "exit_codes.hpp"

namespace msgraph_cli {

namespace {

constexpr std::size_t kOptionColumn = 38;
constexpr std::size_t kLineWidth = 100;
constexpr std::size_t kSyntaxIndent = 6;  // a parameter set's syntax, under its name

std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  for (std::size_t space = text.find(' '); space != std::string_view::npos;
       space = text.find(' ')) {
    words.emplace_back(text.substr(0, space));
    text.remove_prefix(space + 1);
  }
  words.emplace_back(text);
  return words;
}

// Appends `words` separated by spaces, breaking lines before kLineWidth and indenting each new
// line by `indent`; `column` is where the first word starts.
std::string& appendWrapped(std::string& out, const std::vector<std::string>& words,
                           std::size_t indent, std::size_t column) {
  for (const std::string& word : words) {
    if (&word != &words.front()) {
      if (column + 1 + word.size() > kLineWidth) {
        out.append("\n").append(indent, ' ');
        column = indent;
      } else {
        out += ' ';
        ++column;
      }
    }
    out.append(word);
    column += word.size();
  }
  return out;
}

std::string usageOf(const OptionSpec& spec) {
  std::string text(spec.name);
  if (spec.takesValue()) text.append(" ").append(spec.valueName);
  return text;
}

// Whether `spec` is one of the set-specific options shown in `set`'s syntax.
bool belongsToSet(const OptionSpec& spec, const VerbSpec& verb, const ParameterSetSpec& set) {
  switch (spec.group) {
    case OptionGroup::Target:
      return spec.name == set.targetOption;
    case OptionGroup::Body:
      return set.body == BodyForm::BodyParameter;
    case OptionGroup::Expanded:
      return set.body == BodyForm::Expanded;
    case OptionGroup::Get:
    case OptionGroup::Remove:
    case OptionGroup::PassThru:
    case OptionGroup::Consent:
    case OptionGroup::Partner:
      // partner update's body, property by property; ensure's steps beside the policy's body
      if (set.body == BodyForm::BodyParameter && !acceptsGroup(verb, OptionGroup::Expanded)) {
        return false;
      }
      return acceptsGroup(verb, spec.group);
    case OptionGroup::Ensure:
    case OptionGroup::List:
    case OptionGroup::Desired:
    case OptionGroup::Export:
      return acceptsGroup(verb, spec.group);
    default:
      return false;
  }
}

// The set's syntax as PowerShell writes it, one item per option: mandatory options bare,
// optional ones bracketed.
std::vector<std::string> setSyntax(const VerbSpec& verb, const ParameterSetSpec& set) {
  std::vector<std::string> items;
  for (const OptionSpec& spec : optionSpecs()) {
    if (!belongsToSet(spec, verb, set)) continue;
    const bool mandatory = spec.group == OptionGroup::Target || spec.group == OptionGroup::Body;
    items.push_back(mandatory ? usageOf(spec) : "[" + usageOf(spec) + "]");
  }
  return items;
}

std::string optionLine(const OptionSpec& spec) {
  std::string line = "  " + usageOf(spec);
  if (line.size() + 2 > kOptionColumn) {
    line.append("\n").append(kOptionColumn, ' ');
  } else {
    line.append(kOptionColumn - line.size(), ' ');
  }
  return appendWrapped(line, splitWords(spec.help), kOptionColumn, kOptionColumn).append("\n");
}

// The table lists options group by group, so a heading goes where the group changes.
std::string optionSections(const VerbSpec& verb) {
  std::string text;
  const OptionSpec* previous = nullptr;
  for (const OptionSpec& spec : optionSpecs()) {
    if (!acceptsOption(verb, spec)) continue;
    if (previous == nullptr || previous->group != spec.group) {
      text.append("\n").append(groupTitle(spec.group)).append(":\n");
    }
    text += optionLine(spec);
    previous = &spec;
  }
  return text;
}

// "  3  authentication: the token endpoint refused, ..." for every exit code, wrapped.
std::string exitCodeSection() {
  std::string text = "\nExit codes:\n";
  for (const ExitCodeSpec& spec : exitCodeSpecs()) {
    std::string line = "  " + std::to_string(spec.code) + "  ";
    const std::size_t indent = line.size();
    line.append(spec.name).append(": ");
    text += line;
    appendWrapped(text, splitWords(spec.meaning), indent, line.size()).append("\n");
  }
  return text;
}

}  // namespace

std::string toolHelp() {
  std::string text =
      "Usage: msgraph-identity-sync <verb> [options]\n\n"
      "Manages a partner tenant's cross-tenant identity synchronization policy in Microsoft\n"
      "Graph, /policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization, as the\n"
      "PowerShell cmdlets Set-/Get-/Update-/Remove-Mg...IdentitySynchronization do.\n\nVerbs:\n";
  for (const VerbSpec& verb : verbSpecs()) {
    std::string name(verb.name);
    std::string method(verb.method);
    name.resize(16, ' ');
    method.resize(20, ' ');
    text.append("  ").append(name).append(method);
    appendWrapped(text, splitWords(verb.summary), kOptionColumn, kOptionColumn).append("\n");
  }
  text +=
      "\nRun 'msgraph-identity-sync <verb> --help' for its parameter sets and options, and\n"
      "'msgraph-identity-sync --version' for the version.\n";
  text += exitCodeSection();
  text +=
      "\nExamples:\n"
      "  export MSGRAPH_ACCESS_TOKEN=...\n"
      "  msgraph-identity-sync set --partner-tenant-id ID --display-name Fabrikam "
      "--is-sync-allowed true\n"
      "  msgraph-identity-sync get --partner-tenant-id ID --output text\n"
      "  msgraph-identity-sync update --body-parameter @changes.json \\\n"
      "      --input-object '{\"crossTenantAccessPolicyConfigurationPartnerTenantId\":\"ID\"}'\n"
      "  msgraph-identity-sync remove --partner-tenant-id ID --what-if\n"
      "  msgraph-identity-sync ensure --partner-tenant-id ID --ensure-partner --display-name "
      "Fabrikam \\\n"
      "      --is-sync-allowed true --inbound-user-consent true --output text\n"
      "  msgraph-identity-sync partner list --expand identitySynchronization --output text\n"
      "  msgraph-identity-sync export --output partners.jsonl\n"
      "  msgraph-identity-sync plan --desired partners.jsonl --prune\n";
  return text;
}

std::string verbHelp(const VerbSpec& verb) {
  std::string text = "Usage: msgraph-identity-sync " + std::string(verb.name) + " [options]\n\n";
  text.append(verb.cmdlet).append(" (").append(verb.method).append(")\n");
  text.append(verb.summary).append("\n\nParameter sets:\n");
  for (const ParameterSetSpec& set : verb.sets) {
    text.append("  ").append(set.name);
    if (&set == &verb.sets.front()) text.append(" (default)");
    text.append("\n").append(kSyntaxIndent, ' ');
    appendWrapped(text, setSyntax(verb, set), kSyntaxIndent + 2, kSyntaxIndent).append("\n");
  }
  return text + optionSections(verb);
}

std::string parameterSetSummary(const VerbSpec& verb) {
  std::string text = "Parameter sets of '" + std::string(verb.name) + "': ";
  for (const ParameterSetSpec& set : verb.sets) {
    if (&set != &verb.sets.front()) text += "; ";
    text.append(set.name).append(":");
    for (const std::string& item : setSyntax(verb, set)) text.append(" ").append(item);
  }
  return text;
}

}  // namespace msgraph_cli
