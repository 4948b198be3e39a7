// SPDX-License-Identifier: MIT
#include "partner_list.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

#include "call_options.hpp"
#include "client_factory.hpp"
#include "error_report.hpp"
#include "output.hpp"
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

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.resize(width, ' ');
  return text + ' ';
}

// Prints partners one at a time, so that only the current page is in memory.
class PartnerPrinter {
 public:
  explicit PartnerPrinter(OutputFormat format) : format_(format) {}

  void add(const Partner& partner) {
    if (format_ == OutputFormat::Json) {
      std::cout << (count_ == 0 ? "[\n" : ",\n") << partner.toJson();
    } else {
      if (count_ == 0) row("TenantId", "IsServiceProvider", "InboundUserConsent", "Policy");
      const auto& consent = partner.automaticUserConsentSettings;
      row(partner.tenantId.valueOr(""), cell(partner.isServiceProvider),
          consent.hasValue() ? cell(consent->inboundAllowed) : "", policyCell(partner));
    }
    ++count_;
  }

  void finish() const {
    if (format_ == OutputFormat::Json) std::cout << (count_ == 0 ? "[]\n" : "\n]\n");
  }

 private:
  static void row(const std::string& id, const std::string& provider, const std::string& consent,
                  const std::string& policy) {
    std::cout << padded(terminalSafe(id), 36) << padded(provider, 17) << padded(consent, 18)
              << terminalSafe(policy) << '\n';
  }

  OutputFormat format_;
  std::size_t count_ = 0;
};

}  // namespace

ExitCode listPartners(const Arguments& args) {
  const RawOptions& raw = args.raw;
  const int top = raw.top ? parseTop(*raw.top) : 0;
  const msgraph::GraphClient client = makeClient(args);
  auto request = client.policies().crossTenantAccessPolicy().partners().list();
  applyHeaders(request, args);
  if (top != 0) request.top(top);
  if (raw.select) request.select(splitList(*raw.select));
  if (raw.expand) request.expand(splitList(*raw.expand));
  if (raw.whatIf) {
    printWhatIf(request.whatIf(), "");
    return kExitSuccess;
  }
  auto pages = request.pages();
  PartnerPrinter printer(args.output);
  while (pages.hasNext()) {
    const auto page = pages.next();
    if (!page.ok()) return reportError(page.error(), args);
    if (!page.value().value) continue;
    for (const Partner& partner : page.value().value->value) printer.add(partner);
  }
  printer.finish();
  return kExitSuccess;
}

}  // namespace msgraph_cli
