// SPDX-License-Identifier: MIT
#include "graph/identity_sync_api.hpp"

#include <optional>
#include <vector>

#include "graph/auto_create.hpp"
#include "graph/graph_responses.hpp"
#include "graph/if_match.hpp"
#include "graph/json_body.hpp"
#include "graph/odata.hpp"
#include "graph/policy_body_check.hpp"
#include "graph/policy_document.hpp"
#include "support/time_format.hpp"
#include "support/url.hpp"

namespace emulator {
namespace {

using msgraph::JsonObject;

constexpr const char* kPolicyName = "identitySynchronization";

ApiResponse badRequest(const CallIds& ids, const std::string& message) {
  return graphError(ids, 400, "BadRequest", message);
}

ApiResponse preconditionFailed(const CallIds& ids) {
  return graphError(ids, 412, "PreconditionFailed",
                    "The ETag given in If-Match does not match the current ETag of the "
                    "resource.");
}

// Reads `$select=a,b` from the query; returns a 400 for a malformed query or unknown name.
std::optional<ApiResponse> parseSelect(const GraphCall& call, std::vector<std::string>& select) {
  const std::optional<FormFields> query = parseFormEncoded(call.request.rawQuery);
  if (!query) return badRequest(call.ids, "The query string has a malformed %-escape.");
  const std::string* value = findField(*query, "$select");
  if (value == nullptr) return std::nullopt;
  select = splitCommaList(*value);
  if (std::optional<std::string> unknown = unknownSelectedProperty(select, call.version)) {
    return badRequest(call.ids, "Could not find a property named '" + *unknown +
                                    "' on type "
                                    "'microsoft.graph.crossTenantIdentitySyncPolicyPartner'.");
  }
  return std::nullopt;
}

// Validates a PUT/PATCH body; on success `body` holds the parsed object.
std::optional<ApiResponse> refusePolicyBody(const GraphCall& call, const std::string& partnerId,
                                            JsonObject& body) {
  if (std::optional<ApiResponse> refused = refuseBody(call)) return refused;
  if (std::optional<BodyProblem> problem =
          checkPolicyBody(call.request.body, call.version, partnerId, body)) {
    return badRequest(call.ids, problem->message);
  }
  return std::nullopt;
}

}  // namespace

IdentitySyncApi::IdentitySyncApi(Store& store, bool autoCreatePartners)
    : store_(store), autoCreatePartners_(autoCreatePartners) {}

ApiResponse IdentitySyncApi::handle(const GraphCall& call, const std::string& partnerId) const {
  const std::string& method = call.request.method;
  if (method == "GET") return get(call, partnerId);
  if (method == "PUT") return put(call, partnerId);
  if (method == "PATCH") return patch(call, partnerId);
  if (method == "DELETE") return remove(call, partnerId);
  return methodNotAllowed(call.ids, "GET, PUT, PATCH, DELETE");
}

ApiResponse IdentitySyncApi::get(const GraphCall& call, const std::string& partnerId) const {
  std::vector<std::string> select;
  if (std::optional<ApiResponse> refused = parseSelect(call, select)) return *refused;
  bool partnerKnown = autoCreatePartners_;
  std::optional<PolicyRecord> policy;
  store_.readPolicies(call.tenant, [&](const TenantPolicies& policies) {
    const auto found = policies.partners.find(partnerId);
    if (found == policies.partners.end()) return;
    partnerKnown = true;
    policy = found->second.policy;
  });
  if (!partnerKnown) return resourceNotFound(call.ids, partnerId);
  if (!policy) return resourceNotFound(call.ids, kPolicyName);

  JsonObject body{
      {"@odata.context",
       odataContext(call, "policies/crossTenantAccessPolicy/partners(" + odataKey(partnerId) +
                              ")/identitySynchronization/$entity")}};
  for (const auto& [key, value] :
       presentPolicy(policy->properties, partnerId, call.version, select)) {
    body.set(key, value);
  }
  ApiResponse response;
  response.setJson(body);
  setHeader(response.headers, "ETag", policy->etag);
  return response;
}

ApiResponse IdentitySyncApi::put(const GraphCall& call, const std::string& partnerId) const {
  JsonObject body;
  if (std::optional<ApiResponse> refused = refusePolicyBody(call, partnerId, body)) {
    return *refused;
  }
  ApiResponse response = noContent();
  store_.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    PartnerRecord* partner = partnerOrCreated(policies, partnerId, autoCreatePartners_);
    if (partner == nullptr) {
      response = resourceNotFound(call.ids, partnerId);
      return false;
    }
    std::optional<PolicyRecord>& policy = partner->policy;
    // PUT only creates: Graph refuses a second PUT with 409 and leaves the policy as it is
    // (changes go through PATCH; see conflictingObjects).
    if (policy) {
      response = conflictingObjects(call.ids, partnerId, Conflict::Policy);
      return false;
    }
    if (!ifMatchAllows(call.request.headers, policy ? &policy->etag : nullptr)) {
      response = preconditionFailed(call.ids);
      return false;
    }
    policy = PolicyRecord{storableProperties(body), policies.nextEtag()};
    setHeader(response.headers, "ETag", policy->etag);
    return true;
  });
  return response;
}

PolicyRecord* IdentitySyncApi::existingPolicy(PolicyChange& policies, const GraphCall& call,
                                              const std::string& partnerId,
                                              ApiResponse& notFound) const {
  PartnerRecord* partner = policies.editPartner(partnerId);
  if (partner != nullptr && partner->policy) return &*partner->policy;
  const bool partnerKnown = partner != nullptr || autoCreatePartners_;
  notFound = resourceNotFound(call.ids, partnerKnown ? kPolicyName : partnerId);
  return nullptr;
}

ApiResponse IdentitySyncApi::patch(const GraphCall& call, const std::string& partnerId) const {
  JsonObject body;
  if (std::optional<ApiResponse> refused = refusePolicyBody(call, partnerId, body)) {
    return *refused;
  }
  ApiResponse response = noContent();
  store_.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    PolicyRecord* policy = existingPolicy(policies, call, partnerId, response);
    if (policy == nullptr) {
      response = updateTargetNotFound(call.ids);
      return false;
    }
    if (!ifMatchAllows(call.request.headers, &policy->etag)) {
      response = preconditionFailed(call.ids);
      return false;
    }
    mergePolicy(policy->properties, body);
    policy->etag = policies.nextEtag();
    setHeader(response.headers, "ETag", policy->etag);
    return true;
  });
  return response;
}

ApiResponse IdentitySyncApi::remove(const GraphCall& call, const std::string& partnerId) const {
  ApiResponse response = noContent();
  store_.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    PolicyRecord* policy = existingPolicy(policies, call, partnerId, response);
    if (policy == nullptr) return false;
    if (!ifMatchAllows(call.request.headers, &policy->etag)) {
      response = preconditionFailed(call.ids);
      return false;
    }
    // Graph (beta) keeps a deleted policy among the deleted items for 30 days
    // (api-reference/beta/api/policydeletableroot-list-crosstenantsyncpolicypartners.md).
    policies.putDeleted(partnerId,
                        DeletedPolicyRecord{policy->properties, unixSeconds(call.ids.when)});
    policies.editPartner(partnerId)->policy.reset();
    return true;
  });
  return response;
}

}  // namespace emulator
