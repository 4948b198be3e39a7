// SPDX-License-Identifier: MIT
#include "fleet/fleet_commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "call_options.hpp"
#include "client_factory.hpp"
#include "error_report.hpp"
#include "fleet/current_state.hpp"
#include "fleet/desired_input.hpp"
#include "fleet/desired_state.hpp"
#include "fleet/export_file.hpp"
#include "fleet/plan_printer.hpp"
#include "fleet/plan_run.hpp"
#include "fleet/tenant_clients.hpp"
#include "input_file.hpp"
#include "output.hpp"
#include "read_only_keys.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli::fleet {

namespace {

using msgraph::Json;
using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;

// A partner as one desired-state line: its id, its policy and its partner properties, without
// what Graph sets itself (tenantId, isInMultiTenantOrganization, deletedDateTime, @odata.*).
std::string exportLine(const Partner& partner) {
  std::vector<std::string> dropped;
  const Json all = Json::parse(partner.toJson());
  Json line = Json::object();
  line.set("partnerTenantId", partner.tenantId.valueOr(""));
  if (const Json* policy = all.find("identitySynchronization"); policy && policy->isObject()) {
    line.set("identitySynchronization",
             withoutReadOnlyKeys(*policy, {"tenantId", "deletedDateTime"}, dropped));
  }
  const Json rest = withoutReadOnlyKeys(
      all, {"tenantId", "isInMultiTenantOrganization", "identitySynchronization"}, dropped);
  for (const auto& [key, value] : rest.asObject()) line.set(key, value);
  return line.dump();
}

}  // namespace

ExitCode runExport(const Arguments& args) {
  const std::string option = optionName(&RawOptions::output);
  if (!args.raw.output) throw UsageError("'export' needs " + option + " FILE");
  const std::string& path = *args.raw.output;
  std::error_code ignored;
  if (!args.raw.force && std::filesystem::exists(path, ignored)) {
    throw UsageError(option + ": '" + path + "' exists; give --force to replace it");
  }
  const msgraph::GraphClient client = makeClient(args);
  if (args.raw.whatIf) {
    auto request = client.policies().crossTenantAccessPolicy().partners().list();
    request.expand({"identitySynchronization"});
    applyCommonOptions(request, args);
    printWhatIf(request.whatIf(), "");
    return kExitSuccess;
  }
  ExportFile file(option, path);
  std::size_t count = 0;
  const auto failed = forEachCurrentPartner(client, args, [&](const Partner& partner) {
    file.writeLine(exportLine(partner));
    ++count;
  });
  if (failed) return reportError(*failed, args);  // the temporary file is removed
  file.commit(args.raw.force);
  std::cout << "Exported " << count << (count == 1 ? " partner" : " partners") << " to "
            << terminalSafe(path) << '\n';
  return kExitSuccess;
}

ExitCode runPlan(const Arguments& args, bool drift) {
  const DesiredState desired = readDesiredState(args);
  TenantClients clients(args);
  // Readable by default, unlike the single-result verbs: a plan is read by people first.
  PlanPrinter printer(args.raw.output ? args.output : OutputFormat::Text, !drift);
  const auto failed = makePlan(desired, clients, args, args.raw.prune,
                               [&printer](const PlanItem& item) { printer.print(item); });
  if (failed) return reportError(*failed, args);
  const PlanCounts counts = printer.finish(desired.badLines());
  if (counts.badLines != 0) return kExitBadLines;
  return drift && counts.drifted() ? kExitDrift : kExitSuccess;
}

}  // namespace msgraph_cli::fleet
