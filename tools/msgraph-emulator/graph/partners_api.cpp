// SPDX-License-Identifier: MIT
#include "graph/partners_api.hpp"

#include <optional>

#include "graph/graph_responses.hpp"
#include "graph/json_body.hpp"
#include "graph/odata.hpp"
#include "graph/partner_listing.hpp"
#include "graph/policy_document.hpp"
#include "msgraph/error.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

// The body as a JSON object; nullopt with `problem` set when it is not one.
std::optional<JsonObject> objectFromBody(const std::string& text, std::string& problem) {
  Json body;
  try {
    body = Json::parse(text);
  } catch (const msgraph::DeserializationError& e) {
    problem = e.what();
    return std::nullopt;
  }
  if (!body.isObject()) {
    problem = "The request body must be a JSON object.";
    return std::nullopt;
  }
  return std::move(body.asObject());
}

// The configuration as stored: `tenantId` first, then the other properties as given.
std::optional<JsonObject> configurationFromBody(const std::string& text, std::string& problem) {
  std::optional<JsonObject> body = objectFromBody(text, problem);
  if (!body) return std::nullopt;
  const Json* tenantId = body->find("tenantId");
  if (tenantId == nullptr || !tenantId->isString() || tenantId->asString().empty()) {
    problem = "The property 'tenantId' is required and must be a non-empty string.";
    return std::nullopt;
  }
  JsonObject configuration{{"tenantId", *tenantId}};
  for (const auto& [key, value] : *body) configuration.set(key, value);
  return configuration;
}

JsonObject withContext(std::string context, const JsonObject& object) {
  JsonObject out{{"@odata.context", std::move(context)}};
  for (const auto& [key, value] : object) out.set(key, value);
  return out;
}

// Applies `change(policies, partner, response)` to a known partner under the store's lock; an
// unknown one is 404 (worded for a PATCH as Graph words it, see updateTargetNotFound).
// `change` returns whether it changed anything (to be persisted).
template <typename Change>
ApiResponse changePartner(Store& store, const GraphCall& call, const std::string& partnerId,
                          Change change) {
  ApiResponse response = noContent();
  store.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    PartnerRecord* partner = policies.editPartner(partnerId);
    if (partner == nullptr) {
      response = call.request.method == "PATCH" ? updateTargetNotFound(call.ids)
                                                : resourceNotFound(call.ids, partnerId);
      return false;
    }
    return change(policies, *partner, response);
  });
  return response;
}

}  // namespace

PartnersApi::PartnersApi(Store& store) : store_(store) {}

ApiResponse PartnersApi::collection(const GraphCall& call) const {
  if (call.request.method == "GET") return list(call);
  if (call.request.method == "POST") return create(call);
  return methodNotAllowed(call.ids, "GET, POST");
}

ApiResponse PartnersApi::entity(const GraphCall& call, const std::string& partnerId) const {
  if (call.request.method == "DELETE") return remove(call, partnerId);
  if (call.request.method == "PATCH") return patch(call, partnerId);
  if (call.request.method != "GET") return methodNotAllowed(call.ids, "GET, PATCH, DELETE");
  std::optional<JsonObject> configuration;
  store_.readPolicies(call.tenant, [&](const TenantPolicies& policies) {
    const auto found = policies.partners.find(partnerId);
    if (found != policies.partners.end()) configuration = found->second.configuration;
  });
  if (!configuration) return resourceNotFound(call.ids, partnerId);
  ApiResponse response;
  response.setJson(withContext(odataContext(call, std::string(kPartnersCollection) + "/$entity"),
                               *configuration));
  return response;
}

ApiResponse PartnersApi::create(const GraphCall& call) const {
  if (std::optional<ApiResponse> refused = refuseBody(call)) return *refused;
  std::string problem;
  const std::optional<JsonObject> configuration = configurationFromBody(call.request.body, problem);
  if (!configuration) return graphError(call.ids, 400, "BadRequest", problem);
  const std::string& id = configuration->find("tenantId")->asString();
  ApiResponse response;
  store_.updatePolicies(call.tenant, [&](PolicyChange& policies) {
    if (!policies.addPartner(id, PartnerRecord{*configuration, {}})) {
      response = conflictingObjects(call.ids, id, Conflict::PartnerTenantId);
      return false;
    }
    response.status = 201;
    response.setJson(withContext(odataContext(call, std::string(kPartnersCollection) + "/$entity"),
                                 *configuration));
    return true;
  });
  return response;
}

// Graph's PATCH of a partner configuration ("Update
// crossTenantAccessPolicyConfigurationPartner", 204 No Content): the given properties replace
// the stored ones, and a complex property (automaticUserConsentSettings, inboundTrust, ...)
// merges member by member, one level deep, as a policy PATCH does. The path names the partner,
// so a different tenantId in the body is refused rather than moving it.
ApiResponse PartnersApi::patch(const GraphCall& call, const std::string& partnerId) const {
  if (std::optional<ApiResponse> refused = refuseBody(call)) return *refused;
  std::string problem;
  const std::optional<JsonObject> changes = objectFromBody(call.request.body, problem);
  if (!changes) return graphError(call.ids, 400, "BadRequest", problem);
  if (const Json* tenantId = changes->find("tenantId");
      tenantId != nullptr && *tenantId != Json(partnerId)) {
    return graphError(call.ids, 400, "BadRequest",
                      "The property 'tenantId' cannot be changed: it must match the path.");
  }
  return changePartner(store_, call, partnerId,
                       [&](PolicyChange&, PartnerRecord& partner, ApiResponse&) {
                         mergePolicy(partner.configuration, *changes);
                         return true;
                       });
}

ApiResponse PartnersApi::list(const GraphCall& call) const {
  return store_.readPolicies(call.tenant, [&](const TenantPolicies& policies) {
    return listPartners(call, policies.partners);
  });
}

ApiResponse PartnersApi::remove(const GraphCall& call, const std::string& partnerId) const {
  return changePartner(
      store_, call, partnerId,
      [&](PolicyChange& policies, const PartnerRecord& partner, ApiResponse& response) {
        if (partner.policy) {
          // The documented rule: the contained policy must be deleted before its partner.
          response =
              graphError(call.ids, 400, "BadRequest",
                         "The partner configuration has a user synchronization policy; delete "
                         "the policy before the partner configuration.");
          return false;
        }
        policies.erasePartner(partnerId);
        return true;
      });
}

}  // namespace emulator
