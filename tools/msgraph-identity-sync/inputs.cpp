// SPDX-License-Identifier: MIT
#include "inputs.hpp"

#include "choice.hpp"
#include "cli_error.hpp"
#include "json_input.hpp"
#include "model_keys.hpp"
#include "msgraph/error.hpp"
#include "read_only_keys.hpp"

namespace msgraph_cli {

namespace {

using msgraph::Json;
using msgraph::models::IdentitySyncPolicyPartner;
Json readJson(const RawOptions& raw, ValueMember member) {
  return readJsonOption(optionName(member), *(raw.*member));
}

// The library reads the model, so type errors name the JSON pointer exactly as it does.
template <typename Model>
Model modelFrom(const Json& json, const KeySchema& schema, ValueMember member) {
  try {
    return Model::fromJson(canonicalKeys(json, schema, optionName(member)).dump());
  } catch (const msgraph::DeserializationError& e) {
    throw UsageError(optionName(member) + ": " + e.what());
  }
}

void applyIsSyncAllowed(IdentitySyncPolicyPartner& body, const RawOptions& raw) {
  const std::string option = optionName(&RawOptions::isSyncAllowed);
  if (body.userSyncInbound.isNull()) {
    throw UsageError(option + " cannot be combined with a null " +
                     optionName(&RawOptions::userSyncInbound));
  }
  if (!body.userSyncInbound.hasValue()) body.userSyncInbound.emplace();
  // Two values for one property would leave the user guessing which one is sent.
  if (!body.userSyncInbound->isSyncAllowed.isAbsent()) {
    throw UsageError("isSyncAllowed is given by both " + option + " and " +
                     optionName(&RawOptions::userSyncInbound));
  }
  body.userSyncInbound->isSyncAllowed = choose<msgraph::models::Property<bool>>(
      &RawOptions::isSyncAllowed, *raw.isSyncAllowed,
      {{"true", true}, {"false", false}, {"null", nullptr}});
}

void mergeAdditionalProperties(IdentitySyncPolicyPartner& body, const RawOptions& raw) {
  const Json json = readJson(raw, &RawOptions::additionalProperties);
  if (!json.isObject()) {
    throw UsageError(optionName(&RawOptions::additionalProperties) + ": expected a JSON object");
  }
  // Keys are kept as given: one that names a typed property is the library's ValidationError.
  for (const auto& [key, value] : json.asObject()) body.additionalProperties.set(key, value);
}

// `null` clears the value, as `--is-sync-allowed null` does; a JSON string literal (`"null"`,
// quotes included) is how to send a text that would otherwise mean something else.
msgraph::models::Property<std::string> displayNameFrom(const std::string& text) {
  if (text == "null") return nullptr;
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return text;
  Json parsed;
  try {
    parsed = Json::parse(text);
  } catch (const msgraph::Error&) {
    parsed = Json();
  }
  if (!parsed.isString()) {
    throw UsageError(optionName(&RawOptions::displayName) + ": a value in quotes must be a JSON " +
                     "string, such as '\"null\"'");
  }
  return parsed.asString();
}

IdentitySyncPolicyPartner expandedBody(const RawOptions& raw) {
  IdentitySyncPolicyPartner body;
  if (raw.displayName) body.displayName = displayNameFrom(*raw.displayName);
  if (raw.tenantId) body.tenantId = *raw.tenantId;
  if (raw.userSyncInbound) {
    const Json inbound = readJson(raw, &RawOptions::userSyncInbound);
    if (inbound.isNull()) {
      body.userSyncInbound = nullptr;
    } else {
      body.userSyncInbound = modelFrom<msgraph::models::UserSyncInbound>(
          inbound, userSyncInboundKeys(), &RawOptions::userSyncInbound);
    }
  }
  if (raw.isSyncAllowed) applyIsSyncAllowed(body, raw);
  if (raw.additionalProperties) mergeAdditionalProperties(body, raw);
  return body;
}

}  // namespace

msgraph::PartnerRequestBuilder Target::partner(const msgraph::GraphClient& client) const {
  const auto policy = client.policies().crossTenantAccessPolicy();
  return identity ? policy.partners(*identity) : policy.partners(partnerId);
}

msgraph::IdentitySynchronizationRequestBuilder Target::resource(
    const msgraph::GraphClient& client) const {
  return partner(client).identitySynchronization();
}

Target readTarget(const Arguments& args) {
  const RawOptions& raw = args.raw;
  if (raw.partnerTenantId) return Target{*raw.partnerTenantId, std::nullopt};
  auto identity = modelFrom<msgraph::models::Identity>(readJson(raw, &RawOptions::inputObject),
                                                       identityKeys(), &RawOptions::inputObject);
  std::string partnerId = identity.crossTenantAccessPolicyConfigurationPartnerTenantId.valueOr("");
  return Target{std::move(partnerId), std::move(identity)};
}

IdentitySyncPolicyPartner readBody(const Arguments& args) {
  if (args.parameterSet->body == BodyForm::BodyParameter) {
    // What `get` prints but Graph sets itself; --tenant-id is how to send a tenantId.
    const Json body = withoutReadOnlyKeys(readJson(args.raw, &RawOptions::bodyParameter),
                                          {"tenantId", "deletedDateTime"}, args);
    return modelFrom<IdentitySyncPolicyPartner>(body, policyPartnerKeys(),
                                                &RawOptions::bodyParameter);
  }
  return expandedBody(args.raw);
}

}  // namespace msgraph_cli
