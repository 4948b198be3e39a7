// SPDX-License-Identifier: MIT
#include "graph/identity_sync_api.hpp"

#include <optional>
#include <vector>

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
  store_.read([&](const State& state) {
    const auto found = state.partners.find(partnerId);
    if (found == state.partners.end()) return;
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
  store_.update([&](State& state) {
    auto found = state.partners.find(partnerId);
    if (found == state.partners.end()) {
      if (!autoCreatePartners_) {
        response = resourceNotFound(call.ids, partnerId);
        return false;
      }
      found = state.partners.emplace(partnerId, PartnerRecord{{{"tenantId", partnerId}}, {}}).first;
    }
    std::optional<PolicyRecord>& policy = found->second.policy;
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
    policy = PolicyRecord{storableProperties(body), state.nextEtag()};
    setHeader(response.headers, "ETag", policy->etag);
    return true;
  });
  return response;
}

PolicyRecord* IdentitySyncApi::existingPolicy(State& state, const GraphCall& call,
                                              const std::string& partnerId,
                                              ApiResponse& notFound) const {
  const auto found = state.partners.find(partnerId);
  if (found != state.partners.end() && found->second.policy) return &*found->second.policy;
  const bool partnerKnown = found != state.partners.end() || autoCreatePartners_;
  notFound = resourceNotFound(call.ids, partnerKnown ? kPolicyName : partnerId);
  return nullptr;
}

ApiResponse IdentitySyncApi::patch(const GraphCall& call, const std::string& partnerId) const {
  JsonObject body;
  if (std::optional<ApiResponse> refused = refusePolicyBody(call, partnerId, body)) {
    return *refused;
  }
  ApiResponse response = noContent();
  store_.update([&](State& state) {
    PolicyRecord* policy = existingPolicy(state, call, partnerId, response);
    if (policy == nullptr) {
      response = updateTargetNotFound(call.ids);
      return false;
    }
    if (!ifMatchAllows(call.request.headers, &policy->etag)) {
      response = preconditionFailed(call.ids);
      return false;
    }
    mergePolicy(policy->properties, body);
    policy->etag = state.nextEtag();
    setHeader(response.headers, "ETag", policy->etag);
    return true;
  });
  return response;
}

ApiResponse IdentitySyncApi::remove(const GraphCall& call, const std::string& partnerId) const {
  ApiResponse response = noContent();
  store_.update([&](State& state) {
    const PolicyRecord* policy = existingPolicy(state, call, partnerId, response);
    if (policy == nullptr) return false;
    if (!ifMatchAllows(call.request.headers, &policy->etag)) {
      response = preconditionFailed(call.ids);
      return false;
    }
    // Graph (beta) keeps a deleted policy among the deleted items for 30 days
    // (api-reference/beta/api/policydeletableroot-list-crosstenantsyncpolicypartners.md).
    state.deletedPolicies[partnerId] =
        DeletedPolicyRecord{policy->properties, unixSeconds(call.ids.when)};
    state.partners.at(partnerId).policy.reset();
    return true;
  });
  return response;
}

}  // namespace emulator
