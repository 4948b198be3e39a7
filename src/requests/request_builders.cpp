// The fluent path from the client to the resource: each step only carries the client and the
// partner id forward; the request objects do the work.
#include "core/client_state.hpp"
#include "msgraph/graph_client.hpp"

namespace msgraph {

PoliciesRequestBuilder::PoliciesRequestBuilder(std::shared_ptr<const detail::ClientState> client)
    : client_(std::move(client)) {}

CrossTenantAccessPolicyRequestBuilder PoliciesRequestBuilder::crossTenantAccessPolicy() const {
  return CrossTenantAccessPolicyRequestBuilder(client_);
}

CrossTenantAccessPolicyRequestBuilder::CrossTenantAccessPolicyRequestBuilder(
    std::shared_ptr<const detail::ClientState> client)
    : client_(std::move(client)) {}

PartnerRequestBuilder CrossTenantAccessPolicyRequestBuilder::partners(
    std::string partnerTenantId) const {
  return PartnerRequestBuilder(client_, std::move(partnerTenantId), nullptr);
}

PartnerRequestBuilder CrossTenantAccessPolicyRequestBuilder::partners(
    const models::Identity& identity) const {
  const auto& id = identity.crossTenantAccessPolicyConfigurationPartnerTenantId;
  if (!id.hasValue()) {
    return PartnerRequestBuilder(
        client_, {},
        std::make_shared<ValidationError>(
            "InputObject.crossTenantAccessPolicyConfigurationPartnerTenantId",
            std::string("is required to address a partner but is ") +
                (id.isNull() ? "null" : "absent")));
  }
  return PartnerRequestBuilder(client_, *id, nullptr);
}

PartnerRequestBuilder::PartnerRequestBuilder(std::shared_ptr<const detail::ClientState> client,
                                             std::string partnerId,
                                             std::shared_ptr<const Error> pendingError)
    : client_(std::move(client)),
      partnerId_(std::move(partnerId)),
      pendingError_(std::move(pendingError)) {}

IdentitySynchronizationRequestBuilder PartnerRequestBuilder::identitySynchronization() const {
  return IdentitySynchronizationRequestBuilder(client_, partnerId_, pendingError_);
}

IdentitySynchronizationRequestBuilder::IdentitySynchronizationRequestBuilder(
    std::shared_ptr<const detail::ClientState> client, std::string partnerId,
    std::shared_ptr<const Error> pendingError)
    : client_(std::move(client)),
      partnerId_(std::move(partnerId)),
      pendingError_(std::move(pendingError)) {}

detail::RequestCore IdentitySynchronizationRequestBuilder::core(HttpMethod method) const {
  return detail::RequestCore(client_, method, partnerId_, pendingError_);
}

namespace {

// Serializes the body now, so the request carries text, not a copy of the model; a body that
// cannot be serialized fails the call when it is sent, as every validation error does.
detail::RequestCore withBody(detail::RequestCore core,
                             const models::IdentitySyncPolicyPartner& body) {
  try {
    core.setBody(body.toJson());
  } catch (const ValidationError& error) {
    const std::string where = error.field() == "/" ? std::string() : error.field();
    core.setPendingError(
        std::make_shared<ValidationError>("BodyParameter" + where, error.reason()));
  }
  return core;
}

}  // namespace

GetIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::get() const {
  return GetIdentitySynchronizationRequest(core(HttpMethod::Get));
}

PutIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::put(
    const models::IdentitySyncPolicyPartner& body) const {
  return PutIdentitySynchronizationRequest(withBody(core(HttpMethod::Put), body));
}

PatchIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::patch(
    const models::IdentitySyncPolicyPartner& changes) const {
  return PatchIdentitySynchronizationRequest(withBody(core(HttpMethod::Patch), changes));
}

DeleteIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::remove() const {
  return DeleteIdentitySynchronizationRequest(core(HttpMethod::Delete));
}

GetIdentitySynchronizationRequest& GetIdentitySynchronizationRequest::select(
    std::vector<std::string> properties) {
  core_.setQueryList("$select", std::move(properties));
  return *this;
}

GetIdentitySynchronizationRequest& GetIdentitySynchronizationRequest::expand(
    std::vector<std::string> properties) {
  core_.setQueryList("$expand", std::move(properties));
  return *this;
}

DeleteIdentitySynchronizationRequest& DeleteIdentitySynchronizationRequest::ifMatch(
    std::string etag) {
  core_.setIfMatch(std::move(etag));
  return *this;
}

GraphClient::GraphClient(ClientOptions options)
    : state_(std::make_shared<const detail::ClientState>(std::move(options))) {}

PoliciesRequestBuilder GraphClient::policies() const { return PoliciesRequestBuilder(state_); }

std::vector<std::string> GraphClient::describePipeline() const {
  return state_->pipeline().describe();
}

const ClientOptions& GraphClient::options() const noexcept { return state_->options(); }

}  // namespace msgraph
