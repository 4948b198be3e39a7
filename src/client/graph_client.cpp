// SPDX-License-Identifier: MIT
#include "msgraph/client/graph_client.hpp"

#include "client/client_state.hpp"

namespace msgraph {

GraphClient::GraphClient(ClientOptions options)
    : state_(std::make_shared<const detail::ClientState>(std::move(options))) {}

PoliciesRequestBuilder GraphClient::policies() const {
  // Requests share the adapter and keep the whole state alive through it.
  return PoliciesRequestBuilder(
      std::shared_ptr<const detail::RequestAdapter>(state_, &state_->adapter()));
}

std::vector<std::string> GraphClient::describePipeline() const {
  return state_->adapter().pipeline().describe();
}

const ClientOptions& GraphClient::options() const noexcept { return state_->options(); }

}  // namespace msgraph
