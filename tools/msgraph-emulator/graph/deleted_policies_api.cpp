// SPDX-License-Identifier: MIT
// Shapes from the Graph reference (beta): "List crossTenantSyncPolicyPartners"
// (api-reference/beta/api/policydeletableroot-list-crosstenantsyncpolicypartners.md), "Restore
// crossTenantIdentitySyncPolicyPartner" (api-reference/beta/api/
// crosstenantidentitysyncpolicypartner-restore.md) and "Permanently delete an item"
// (api-reference/beta/api/policydeletableitem-delete.md),
// microsoftgraph/microsoft-graph-docs-contrib.
#include "graph/deleted_policies_api.hpp"

#include <chrono>

#include "graph/auto_create.hpp"
#include "graph/graph_responses.hpp"
#include "graph/odata.hpp"
#include "graph/policy_document.hpp"
#include "graph/policy_schema.hpp"
#include "support/time_format.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

constexpr std::int64_t kRetentionSeconds = 30 * 24 * 60 * 60;

// The deleted policy as the documented examples show it: the beta type's properties in order,
// `deletedDateTime` set.
JsonObject presentDeleted(const std::string& partnerId, const DeletedPolicyRecord& deleted) {
  JsonObject properties = deleted.properties;
  properties.set(
      "deletedDateTime",
      iso8601Utc(std::chrono::system_clock::time_point(std::chrono::seconds(deleted.deletedAt))));
  return presentPolicy(properties, partnerId, ApiVersion::Beta, {});
}

// Forgets what is older than 30 days, in the same update as the call's own change.
bool purge(PolicyChange& policies, const GraphCall& call) {
  return policies.purgeDeletedBefore(unixSeconds(call.ids.when) - kRetentionSeconds);
}

}  // namespace

DeletedPoliciesApi::DeletedPoliciesApi(Store& store, bool autoCreatePartners)
    : store_(store), autoCreatePartners_(autoCreatePartners) {}

ApiResponse DeletedPoliciesApi::collection(const GraphCall& call) const {
  if (call.request.method != "GET") return methodNotAllowed(call.ids, "GET");
  Json value = Json::array();
  store_.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    const bool purged = purge(policies, call);
    for (const auto& [id, deleted] : policies.deletedPolicies()) {
      JsonObject item{{std::string(kTypeAnnotation), "#" + std::string(kPolicyType)}};
      for (const auto& [key, property] : presentDeleted(id, deleted)) item.set(key, property);
      value.asArray().emplace_back(std::move(item));
    }
    return purged;
  });
  ApiResponse response;
  response.setJson(
      Json::object({{"@odata.context",
                     odataContext(call, "policies/deletedItems/crossTenantSyncPolicyPartners")},
                    {"value", std::move(value)}}));
  return response;
}

ApiResponse DeletedPoliciesApi::entity(const GraphCall& call, const std::string& partnerId) const {
  if (call.request.method != "DELETE") return methodNotAllowed(call.ids, "DELETE");
  ApiResponse response = noContent();
  store_.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    const bool purged = purge(policies, call);
    if (!policies.eraseDeleted(partnerId)) {
      response = resourceNotFound(call.ids, partnerId);
      return purged;
    }
    return true;
  });
  return response;
}

ApiResponse DeletedPoliciesApi::restore(const GraphCall& call, const std::string& partnerId) const {
  if (call.request.method != "POST") return methodNotAllowed(call.ids, "POST");
  ApiResponse response;
  store_.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    const bool purged = purge(policies, call);
    const auto deleted = policies.deletedPolicies().find(partnerId);
    if (deleted == policies.deletedPolicies().end()) {
      response = resourceNotFound(call.ids, partnerId);
      return purged;
    }
    const DeletedPolicyRecord restored = deleted->second;
    PartnerRecord* partner = partnerOrCreated(policies, partnerId, autoCreatePartners_);
    if (partner == nullptr) {
      response = resourceNotFound(call.ids, partnerId);
      return purged;
    }
    // Not documented: a live policy for the partner is the same duplicate key as a second PUT.
    if (partner->policy) {
      response = conflictingObjects(call.ids, partnerId, Conflict::Policy);
      return purged;
    }
    // The documented example answers with the restored object, deletedDateTime still shown.
    JsonObject body{{"@odata.context", odataContext(call, std::string(kPolicyType))}};
    for (const auto& [key, property] : presentDeleted(partnerId, restored)) body.set(key, property);
    partner->policy = PolicyRecord{restored.properties, policies.nextEtag()};
    response = ApiResponse();
    response.setJson(body);
    setHeader(response.headers, "ETag", partner->policy->etag);
    policies.eraseDeleted(partnerId);
    return true;
  });
  return response;
}

}  // namespace emulator
