// SPDX-License-Identifier: MIT
#include "partner_list.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "client_factory.hpp"
#include "list_printer.hpp"
#include "text.hpp"

namespace msgraph_cli {

namespace {

using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;

int parseTop(const std::string& text) {
  char* end = nullptr;
  const long count = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || count < 1 || count > 999) {
    throw UsageError("--top: '" + text + "' is not a whole number from 1 to 999");
  }
  return static_cast<int>(count);
}

std::string cell(const msgraph::models::Property<bool>& value) {
  return value.hasValue() ? (*value ? "True" : "False") : "";
}

std::string policyCell(const Partner& partner) {
  const auto& policy = partner.identitySynchronization;
  if (policy.isNull()) return "(none)";
  return policy.hasValue() ? policy->displayName.valueOr("") : "";
}

std::vector<std::string> partnerRow(const Partner& partner) {
  const auto& consent = partner.automaticUserConsentSettings;
  return {partner.tenantId.valueOr(""), cell(partner.isServiceProvider),
          consent.hasValue() ? cell(consent->inboundAllowed) : "", policyCell(partner)};
}

}  // namespace

ExitCode listPartners(const Arguments& args) {
  const RawOptions& raw = args.raw;
  const int top = raw.top ? parseTop(*raw.top) : 0;
  const msgraph::GraphClient client = makeClient(args);
  auto request = client.policies().crossTenantAccessPolicy().partners().list();
  if (top != 0) request.top(top);
  if (raw.select) request.select(splitList(*raw.select));
  if (raw.expand) request.expand(splitList(*raw.expand));
  return printEveryPage(
      std::move(request), args,
      {{"TenantId", 36}, {"IsServiceProvider", 17}, {"InboundUserConsent", 18}, {"Policy", 0}},
      partnerRow);
}

}  // namespace msgraph_cli
