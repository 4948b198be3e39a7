// SPDX-License-Identifier: MIT
#include "commands.hpp"

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "client_factory.hpp"
#include "deleted_policy_commands.hpp"
#include "ensure_command.hpp"
#include "fleet/fleet_commands.hpp"
#include "inputs.hpp"
#include "partner_commands.hpp"
#include "perform.hpp"
#include "text.hpp"
#include "token_command.hpp"

namespace msgraph_cli {

using msgraph::models::IdentitySyncPolicyPartner;

ExitCode runCommand(const Arguments& args) {
  if (isPartnerVerb(args.verb->verb)) return runPartnerCommand(args);
  if (isDeletedPolicyVerb(args.verb->verb)) return runDeletedPolicyCommand(args);
  if (args.verb->verb == Verb::Token) return runToken(args);
  if (isFleetVerb(args.verb->verb)) {
    if (args.verb->verb == Verb::Export) return fleet::runExport(args);
    if (args.verb->verb == Verb::Apply) return fleet::runApply(args);
    return fleet::runPlan(args, args.verb->verb == Verb::Drift);
  }
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
    default:  // the partner verbs, run above
      break;
  }
  return kExitUsage;
}

}  // namespace msgraph_cli
