// SPDX-License-Identifier: MIT
#include "commands.hpp"

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "call_options.hpp"
#include "client_factory.hpp"
#include "ensure_command.hpp"
#include "error_report.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "text.hpp"

namespace msgraph_cli {

namespace {

using msgraph::models::IdentitySyncPolicyPartner;

// -Property and -ExpandProperty take string arrays; on a command line they are "a,b".
std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t comma = text.find(',');; comma = text.find(',', start)) {
    items.emplace_back(trimmed(std::string_view(text).substr(start, comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

void printResult(const msgraph::Response<IdentitySyncPolicyPartner>& response,
                 const Arguments& args) {
  if (response.value) printPolicy(*response.value, args.output);
}

void printResult(const msgraph::Response<void>& /*response*/, const Arguments& args) {
  if (args.raw.passThru) std::cout << "True\n";
}

template <typename Request>
ExitCode perform(Request request, const Arguments& args, const Target& target) {
  applyCallOptions(request, args, target);
  if (args.raw.whatIf) {  // -WhatIf wins over -Confirm, as in PowerShell
    printWhatIf(request.whatIf(), target.partnerId);
    return kExitSuccess;
  }
  const auto result = request.send();
  if (!result.ok()) {
    const ExitCode code = reportError(result.error(), args.raw.responseHeaders);
    if (args.verb->verb == Verb::Set) hintAfterSet(result.error());
    return code;
  }
  const auto& response = result.value();
  if (response.declined) {
    std::cerr << "Declined: nothing was sent.\n";
    return kExitDeclined;
  }
  if (args.raw.responseHeaders) printResponseHeaders(response.headers);
  printResult(response, args);
  return kExitSuccess;
}

}  // namespace

ExitCode runCommand(const Arguments& args) {
  // Inputs first: a usage error should not wait for a credential to be set up.
  const Target target = readTarget(args);
  const Verb verb = args.verb->verb;
  std::optional<IdentitySyncPolicyPartner> body;
  if (verb == Verb::Set || verb == Verb::Update || verb == Verb::Ensure) body = readBody(args);
  const msgraph::GraphClient client = makeClient(args);
  const auto resource = target.resource(client);
  switch (verb) {
    case Verb::Set:
      return perform(resource.put(*body), args, target);
    case Verb::Update:
      return perform(resource.patch(*body), args, target);
    case Verb::Ensure:
      return runEnsure(args, target, std::move(*body), client);
    case Verb::Get: {
      auto request = resource.get();
      if (args.raw.property) request.select(splitList(*args.raw.property));
      if (args.raw.expandProperty) request.expand(splitList(*args.raw.expandProperty));
      return perform(std::move(request), args, target);
    }
    case Verb::Remove: {
      auto request = resource.remove();
      if (args.raw.ifMatch) request.ifMatch(*args.raw.ifMatch);
      return perform(std::move(request), args, target);
    }
  }
  return kExitUsage;
}

}  // namespace msgraph_cli
