// SPDX-License-Identifier: MIT
#include "deleted_policy_commands.hpp"

#include <optional>
#include <string>
#include <vector>

#include "client_factory.hpp"
#include "list_printer.hpp"
#include "perform.hpp"

namespace msgraph_cli {

namespace {

std::vector<std::string> deletedRow(const msgraph::models::IdentitySyncPolicyPartner& policy) {
  return {policy.tenantId.valueOr(""), policy.deletedDateTime.valueOr(""),
          policy.displayName.valueOr("")};
}

}  // namespace

ExitCode runDeletedPolicyCommand(const Arguments& args) {
  const Target target{args.raw.partnerTenantId.value_or(""), std::nullopt};
  const msgraph::GraphClient client = makeClient(args);
  const msgraph::DeletedItemsRequestBuilder deleted = client.policies().deletedItems();
  switch (args.verb->verb) {
    case Verb::Restore:
      return perform(deleted.crossTenantSyncPolicyPartners(target.partnerId).restore(), args,
                     target);
    case Verb::DeletedList:
      return printEveryPage(deleted.crossTenantSyncPolicyPartners().list(), args,
                            {{"TenantId", 36}, {"DeletedDateTime", 20}, {"DisplayName", 0}},
                            deletedRow);
    case Verb::DeletedRemove:
      return perform(deleted.crossTenantSyncPolicyPartners(target.partnerId).remove(), args,
                     target);
    default:
      return kExitUsage;
  }
}

}  // namespace msgraph_cli
