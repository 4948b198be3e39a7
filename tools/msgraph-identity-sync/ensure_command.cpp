// SPDX-License-Identifier: MIT
#include "ensure_command.hpp"

#include <cstdint>
#include <iostream>
#include <optional>
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

// The policy's line is left out when only the partner was ensured and something happened to it.
void printText(const msgraph::EnsureResult& result, bool policyEnsured) {
  if (result.partnerCreated) std::cout << "PartnerCreated\n";
  if (!result.partnerChanged.empty()) printChanged("PartnerUpdated", result.partnerChanged);
  if (policyEnsured || (!result.partnerCreated && result.partnerChanged.empty())) {
    printChanged(outcomeName(result.outcome), result.changed);
  }
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
ExitCode runRequest(EnsureRequest request, const Arguments& args, const Target& target,
                    bool policyEnsured = true) {
  applyCallOptions(request, args, target);  // the library asks --confirm about writes only
  if (args.raw.whatIf) return printPlan(request, args, target);
  const auto result = request.send();
  if (!result.ok()) return reportError(result.error(), args);
  if (args.output == OutputFormat::Text) {
    printText(result.value(), policyEnsured);
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
  // Creating a partner configuration is asked for, never implied: a mistyped id must not
  // onboard a stranger with inbound consent.
  if (!args.raw.ensurePartner) {
    throw UsageError(
        "--inbound-user-consent needs --ensure-partner: the partner configuration "
        "is ensured (created if absent) with it");
  }
  if (target.partnerId.empty()) {
    throw UsageError(target.identity
                         ? "--ensure-partner needs the partner's tenant id, and --input-object "
                           "has no crossTenantAccessPolicyConfigurationPartnerTenantId"
                         : "--ensure-partner needs a partner tenant id, and it is empty");
  }
  msgraph::models::CrossTenantAccessPolicyConfigurationPartner partner;
  partner.tenantId = target.partnerId;
  if (consent) partner.automaticUserConsentSettings.emplace().inboundAllowed = *consent;
  // No policy option at all: only the partner is ensured, no empty policy is created.
  std::optional<msgraph::models::IdentitySyncPolicyPartner> policy;
  if (desired.toJson() != "{}") policy = std::move(desired);
  const bool policyEnsured = policy.has_value();
  return runRequest(client.policies().crossTenantAccessPolicy().partners().ensure(
                        std::move(partner), std::move(policy)),
                    args, target, policyEnsured);
}

}  // namespace msgraph_cli
