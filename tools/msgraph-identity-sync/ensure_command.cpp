// SPDX-License-Identifier: MIT
#include "ensure_command.hpp"

#include <cstdint>
#include <iostream>
#include <string>
#include <utility>

#include "call_options.hpp"
#include "error_report.hpp"
#include "partner_steps.hpp"
#include "text.hpp"

namespace msgraph_cli {

namespace {

using msgraph::EnsureOutcome;
using msgraph::Json;

std::string outcomeName(EnsureOutcome outcome) {
  switch (outcome) {
    case EnsureOutcome::Unchanged:
      return "Unchanged";
    case EnsureOutcome::Created:
      return "Created";
    case EnsureOutcome::Updated:
      return "Updated";
    case EnsureOutcome::Declined:
      return "Declined";
  }
  return "";
}

void printText(const PartnerReport& partner, const msgraph::EnsureResult& result) {
  if (partner.created) std::cout << "PartnerCreated\n";
  if (partner.consentChanged) {
    std::cout << "PartnerConsentUpdated: inboundAllowed "
              << (partner.inboundAllowed ? "true" : "false") << '\n';
  }
  std::cout << outcomeName(result.outcome);
  for (const std::string& pointer : result.changed) {
    std::cout << (&pointer == &result.changed.front() ? ": " : ", ") << terminalSafe(pointer);
  }
  std::cout << '\n';
}

void printJson(const PartnerReport& partner, const msgraph::EnsureResult& result) {
  Json changed = Json::array();
  for (const std::string& pointer : result.changed) changed.asArray().emplace_back(pointer);
  Json object = Json::object();
  object.set("outcome", outcomeName(result.outcome));
  object.set("changed", std::move(changed));
  object.set("attempts", static_cast<std::int64_t>(result.attempts.size()));
  object.set("partnerCreated", partner.created);
  object.set("partnerConsentChanged", partner.consentChanged);
  std::cout << object.dump() << '\n';
}

ExitCode printPlan(const msgraph::EnsureIdentitySynchronizationRequest& request,
                   const Arguments& args, const Target& target) {
  const auto plan = request.plan();
  if (!plan.ok()) return reportError(plan.error(), args);
  for (const msgraph::HttpRequest& write : plan.value().writes) {
    printWhatIf(write, target.partnerId);
  }
  if (plan.value().writes.empty()) {
    std::cout << "What if: no change: the policy already matches on target \"" << target.partnerId
              << "\".\n";
  }
  return kExitSuccess;
}

}  // namespace

ExitCode runEnsure(const Arguments& args, const Target& target,
                   msgraph::models::IdentitySyncPolicyPartner desired,
                   const msgraph::GraphClient& client) {
  PartnerReport partner;
  if (auto failure = preparePartner(args, target, client, partner)) return *failure;
  auto request = target.resource(client).ensure(std::move(desired));
  applyCallOptions(request, args, target);  // the library asks --confirm about writes only
  if (args.raw.whatIf) return printPlan(request, args, target);
  const auto result = request.send();
  if (!result.ok()) return reportError(result.error(), args);
  if (args.output == OutputFormat::Text) {
    printText(partner, result.value());
  } else {
    printJson(partner, result.value());
  }
  if (result.value().outcome != EnsureOutcome::Declined) return kExitSuccess;
  std::cerr << "Declined: nothing was sent.\n";
  return kExitDeclined;
}

}  // namespace msgraph_cli
