// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include "client/client_state.hpp"
#include "msgraph/client/graph_client.hpp"

namespace msgraph::detail {

/// The library's own reach into a client, for what is not its API: the request adapter a fleet
/// run sends its `$batch` envelopes with.
struct ClientAccess {
  /// The client's adapter, keeping the client's state alive.
  static std::shared_ptr<const RequestAdapter> adapter(const GraphClient& client) {
    return std::shared_ptr<const RequestAdapter>(client.state_, &client.state_->adapter());
  }
};

}  // namespace msgraph::detail
