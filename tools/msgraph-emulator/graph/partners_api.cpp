// SPDX-License-Identifier: MIT
#include "graph/partners_api.hpp"

#include <optional>

#include "graph/graph_responses.hpp"
#include "graph/json_body.hpp"
#include "graph/odata.hpp"
#include "msgraph/error.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

constexpr const char* kCollection = "policies/crossTenantAccessPolicy/partners";

// The configuration as stored: `tenantId` first, then the other properties as given.
std::optional<JsonObject> configurationFromBody(const std::string& text, std::string& problem) {
  Json body;
  try {
    body = Json::parse(text);
  } catch (const msgraph::DeserializationError& e) {
    problem = e.what();
    return std::nullopt;
  }
  const Json* tenantId = body.isObject() ? body.find("tenantId") : nullptr;
  if (tenantId == nullptr || !tenantId->isString() || tenantId->asString().empty()) {
    problem = "The property 'tenantId' is required and must be a non-empty string.";
    return std::nullopt;
  }
  JsonObject configuration{{"tenantId", *tenantId}};
  for (const auto& [key, value] : body.asObject()) configuration.set(key, value);
  return configuration;
}

JsonObject withContext(std::string context, const JsonObject& object) {
  JsonObject out{{"@odata.context", std::move(context)}};
  for (const auto& [key, value] : object) out.set(key, value);
  return out;
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
  if (call.request.method != "GET") return methodNotAllowed(call.ids, "GET, DELETE");
  std::optional<JsonObject> configuration;
  store_.read([&](const State& state) {
    const auto found = state.partners.find(partnerId);
    if (found != state.partners.end()) configuration = found->second.configuration;
  });
  if (!configuration) return resourceNotFound(call.ids, partnerId);
  ApiResponse response;
  response.setJson(
      withContext(odataContext(call, std::string(kCollection) + "/$entity"), *configuration));
  return response;
}

ApiResponse PartnersApi::create(const GraphCall& call) const {
  if (std::optional<ApiResponse> refused = refuseBody(call)) return *refused;
  std::string problem;
  const std::optional<JsonObject> configuration = configurationFromBody(call.request.body, problem);
  if (!configuration) return graphError(call.ids, 400, "BadRequest", problem);
  const std::string& id = configuration->find("tenantId")->asString();
  ApiResponse response;
  store_.update([&](State& state) {
    if (!state.partners.emplace(id, PartnerRecord{*configuration, {}}).second) {
      // Graph's answer to a duplicate key, as for a second PUT of a policy (see
      // conflictingObjects).
      response = conflictingObjects(call.ids, id);
      return false;
    }
    response.status = 201;
    response.setJson(
        withContext(odataContext(call, std::string(kCollection) + "/$entity"), *configuration));
    return true;
  });
  return response;
}

ApiResponse PartnersApi::list(const GraphCall& call) const {
  Json::Array value;
  store_.read([&](const State& state) {
    for (const auto& entry : state.partners) value.emplace_back(entry.second.configuration);
  });
  ApiResponse response;
  response.setJson(
      Json::object({{"@odata.context", odataContext(call, kCollection)}, {"value", value}}));
  return response;
}

ApiResponse PartnersApi::remove(const GraphCall& call, const std::string& partnerId) const {
  ApiResponse response = noContent();
  store_.update([&](State& state) {
    const auto found = state.partners.find(partnerId);
    if (found == state.partners.end()) {
      response = resourceNotFound(call.ids, partnerId);
      return false;
    }
    if (found->second.policy) {
      // The documented rule: the contained policy must be deleted before its partner.
      response = graphError(call.ids, 400, "BadRequest",
                            "The partner configuration has a user synchronization policy; delete "
                            "the policy before the partner configuration.");
      return false;
    }
    state.partners.erase(found);
    return true;
  });
  return response;
}

}  // namespace emulator
