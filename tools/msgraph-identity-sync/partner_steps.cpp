// SPDX-License-Identifier: MIT
#include "partner_steps.hpp"

#include <iostream>

#include "call_options.hpp"
#include "choice.hpp"
#include "error_report.hpp"

namespace msgraph_cli {

namespace {

using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;

bool hasStatus(const msgraph::Error& error, int status) {
  const auto* service = dynamic_cast<const msgraph::ServiceError*>(&error);
  return service != nullptr && service->status() == status;
}

// Sends a partner write (or prints it, with --what-if) and sets `done` when it was (or would
// be) made. A `tolerated` status is another writer having done it first: no failure, not done.
template <typename Request>
std::optional<ExitCode> write(Request request, const Arguments& args, const Target& target,
                              bool& done, int tolerated = 0) {
  applyCallOptions(request, args, target);
  if (args.raw.whatIf) {
    printWhatIf(request.whatIf(), target.partnerId);
    done = true;
    return std::nullopt;
  }
  const auto result = request.send();
  if (!result.ok()) {
    if (tolerated != 0 && hasStatus(result.error(), tolerated)) return std::nullopt;
    return reportError(result.error(), args);
  }
  if (result.value().declined) {
    std::cerr << "Declined: nothing was sent.\n";
    return kExitDeclined;
  }
  done = true;
  return std::nullopt;
}

// The partner configuration, or nullopt on a 404 when `absentIsFine`.
std::optional<ExitCode> readPartner(const Arguments& args, const Target& target,
                                    const msgraph::GraphClient& client, bool absentIsFine,
                                    std::optional<Partner>& partner) {
  auto request = target.partner(client).get();
  applyHeaders(request, args);
  const auto result = request.send();
  if (result.ok()) {
    partner = result.value().value.value_or(Partner{});
    return std::nullopt;
  }
  if (absentIsFine && hasStatus(result.error(), 404)) return std::nullopt;
  return reportError(result.error(), args);
}

bool inboundAllowedIs(const Partner& partner, bool wanted) {
  const auto& settings = partner.automaticUserConsentSettings;
  return settings.hasValue() && settings->inboundAllowed.hasValue() &&
         *settings->inboundAllowed == wanted;
}

}  // namespace

std::optional<ExitCode> preparePartner(const Arguments& args, const Target& target,
                                       const msgraph::GraphClient& client, PartnerReport& report) {
  const std::optional<bool> consent = boolOption(args.raw, &RawOptions::inboundUserConsent);
  if (!args.raw.ensurePartner && !consent) return std::nullopt;
  std::optional<Partner> partner;
  if (auto failure = readPartner(args, target, client, args.raw.ensurePartner, partner)) {
    return failure;
  }
  if (!partner) {
    Partner fresh;
    fresh.tenantId = target.partnerId;
    const auto create = client.policies().crossTenantAccessPolicy().partners().create(fresh);
    if (auto failure = write(create, args, target, report.created, 409)) return failure;
    if (args.raw.whatIf) {
      partner = fresh;
    } else if (auto failure = readPartner(args, target, client, false, partner)) {
      return failure;
    }
  }
  if (!consent || inboundAllowedIs(*partner, *consent)) return std::nullopt;
  Partner changes;
  changes.automaticUserConsentSettings.emplace().inboundAllowed = *consent;
  report.inboundAllowed = *consent;
  return write(target.partner(client).patch(changes), args, target, report.consentChanged);
}

}  // namespace msgraph_cli
