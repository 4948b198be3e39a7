// SPDX-License-Identifier: MIT
#include "ensure_command.hpp"

#include <cstdint>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "call_options.hpp"
#include "choice.hpp"
#include "error_report.hpp"
#include "terminal_text.hpp"

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

// "Label: /a, /b": the changed properties' JSON pointers, escaped for the terminal.
void printChanged(const std::string& label, const std::vector<std::string>& changed) {
  std::cout << label;
  for (const std::string& pointer : changed) {
    std::cout << (&pointer == &changed.front() ? ": " : ", ") << terminalSafe(pointer);
  }
  std::cout << '\n';
}

Json pointerArray(const std::vector<std::string>& pointers) {
  Json array = Json::array();
  for (const std::string& pointer : pointers) array.asArray().emplace_back(pointer);
  return array;
}

void printText(const msgraph::EnsureResult& result) {
  if (result.partnerCreated) std::cout << "PartnerCreated\n";
  if (!result.partnerChanged.empty()) printChanged("PartnerUpdated", result.partnerChanged);
  printChanged(outcomeName(result.outcome), result.changed);
}

void printJson(const msgraph::EnsureResult& result) {
  Json object = Json::object();
  object.set("outcome", outcomeName(result.outcome));
  object.set("changed", pointerArray(result.changed));
  object.set("attempts", static_cast<std::int64_t>(result.attempts.size()));
  object.set("partnerCreated", result.partnerCreated);
  object.set("partnerChanged", pointerArray(result.partnerChanged));
  std::cout << terminalSafeJson(object.dump()) << '\n';
}

template <typename EnsureRequest>
ExitCode printPlan(const EnsureRequest& request, const Arguments& args, const Target& target) {
  const auto plan = request.plan();
  if (!plan.ok()) return reportError(plan.error(), args);
  for (const msgraph::HttpRequest& write : plan.value().writes) {
    printWhatIf(write, target.partnerId);
  }
  if (plan.value().writes.empty()) {
    std::cout << "What if: no change: the policy already matches on target \""
              << terminalSafe(target.partnerId) << "\".\n";
  }
  return kExitSuccess;
}

// Sends the policy's or the partner's ensure (the library's), or prints its plan.
template <typename EnsureRequest>
ExitCode runRequest(EnsureRequest request, const Arguments& args, const Target& target) {
  applyCallOptions(request, args, target);  // the library asks --confirm about writes only
  if (args.raw.whatIf) return printPlan(request, args, target);
  const auto result = request.send();
  if (!result.ok()) return reportError(result.error(), args);
  if (args.output == OutputFormat::Text) {
    printText(result.value());
  } else {
    printJson(result.value());
  }
  if (result.value().outcome != EnsureOutcome::Declined) return kExitSuccess;
  std::cerr << "Declined: nothing was sent.\n";
  return kExitDeclined;
}

}  // namespace

ExitCode runEnsure(const Arguments& args, const Target& target,
                   msgraph::models::IdentitySyncPolicyPartner desired,
                   const msgraph::GraphClient& client) {
  const std::optional<bool> consent = boolOption(args.raw, &RawOptions::inboundUserConsent);
  if (!args.raw.ensurePartner && !consent) {
    return runRequest(target.resource(client).ensure(std::move(desired)), args, target);
  }
  if (target.partnerId.empty()) {
    throw UsageError(
        "--ensure-partner and --inbound-user-consent need the partner's tenant id, and "
        "--input-object has no crossTenantAccessPolicyConfigurationPartnerTenantId");
  }
  msgraph::models::CrossTenantAccessPolicyConfigurationPartner partner;
  partner.tenantId = target.partnerId;
  if (consent) partner.automaticUserConsentSettings.emplace().inboundAllowed = *consent;
  return runRequest(client.policies().crossTenantAccessPolicy().partners().ensure(
                        std::move(partner), std::move(desired)),
                    args, target);
}

}  // namespace msgraph_cli
