// SPDX-License-Identifier: MIT
#include "commands.hpp"

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "client_factory.hpp"
#include "confirm.hpp"
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
  for (const auto& [name, value] : args.headers) request.header(name, value);
  if (args.raw.whatIf) {  // -WhatIf wins over -Confirm, as in PowerShell
    printWhatIf(request.whatIf(), target.partnerId);
    return kExitSuccess;
  }
  if (args.raw.confirm) {
    request.confirm([&target](const msgraph::HttpRequest& prepared) {
      return confirmOnTerminal(operationLine(prepared, target.partnerId));
    });
  }
  const auto result = request.send();
  if (!result.ok()) return reportError(result.error(), args.raw.responseHeaders);
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
  if (verb == Verb::Set || verb == Verb::Update) body = readBody(args);
  const msgraph::GraphClient client = makeClient(args);
  const auto resource = target.resource(client);
  switch (verb) {
    case Verb::Set:
      return perform(resource.put(*body), args, target);
    case Verb::Update:
      return perform(resource.patch(*body), args, target);
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
