// SPDX-License-Identifier: MIT
#include "partner_commands.hpp"

#include <optional>
#include <utility>

#include "choice.hpp"
#include "client_factory.hpp"
#include "json_input.hpp"
#include "partner_list.hpp"
#include "perform.hpp"
#include "read_only_keys.hpp"

namespace msgraph_cli {

namespace {

using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;

// --inbound-user-consent and --is-service-provider, as partner properties.
Partner expandedPartner(const RawOptions& raw) {
  Partner partner;
  if (const auto consent = boolOption(raw, &RawOptions::inboundUserConsent)) {
    partner.automaticUserConsentSettings.emplace().inboundAllowed = *consent;
  }
  if (const auto provider = boolOption(raw, &RawOptions::isServiceProvider)) {
    partner.isServiceProvider = *provider;
  }
  return partner;
}

Partner partnerChanges(const Arguments& args) {
  const RawOptions& raw = args.raw;
  if (args.parameterSet->body != BodyForm::BodyParameter) {
    if (!raw.inboundUserConsent && !raw.isServiceProvider) {
      throw UsageError("partner update needs --inbound-user-consent, --is-service-provider or " +
                       optionName(&RawOptions::bodyParameter));
    }
    return expandedPartner(raw);
  }
  if (raw.inboundUserConsent || raw.isServiceProvider) {
    throw UsageError(optionName(&RawOptions::bodyParameter) +
                     " cannot be combined with --inbound-user-consent or --is-service-provider");
  }
  const std::string option = optionName(&RawOptions::bodyParameter);
  try {
    // The partner's key is in the path: a tenantId that `partner get` printed is not sent, nor
    // beta's deletedDateTime.
    const msgraph::Json body = withoutReadOnlyKeys(readJsonOption(option, *raw.bodyParameter),
                                                   {"tenantId", "deletedDateTime"}, args);
    return Partner::fromJson(body.dump());
  } catch (const msgraph::DeserializationError& e) {
    throw UsageError(option + ": " + e.what());
  }
}

}  // namespace

ExitCode runPartnerCommand(const Arguments& args) {
  const Target target{args.raw.partnerTenantId.value_or(""), std::nullopt};
  switch (args.verb->verb) {
    case Verb::PartnerList:
      return listPartners(args);
    case Verb::PartnerCreate: {
      Partner partner = expandedPartner(args.raw);
      partner.tenantId = target.partnerId;
      const msgraph::GraphClient client = makeClient(args);
      return perform(client.policies().crossTenantAccessPolicy().partners().create(partner), args,
                     target);
    }
    case Verb::PartnerUpdate: {
      const Partner changes = partnerChanges(args);
      return perform(target.partner(makeClient(args)).patch(changes), args, target);
    }
    case Verb::PartnerGet:
      return perform(target.partner(makeClient(args)).get(), args, target);
    case Verb::PartnerRemove:
      return perform(target.partner(makeClient(args)).remove(), args, target);
    default:
      return kExitUsage;
  }
}

}  // namespace msgraph_cli
