// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/client/client_options.hpp"
#include "requests/request_adapter.hpp"

namespace msgraph::detail {

/// What a client is: the options it was built with, and the request adapter (service root,
/// pipeline, defaults) that its requests share. Immutable after construction.
class ClientState {
 public:
  explicit ClientState(ClientOptions options);

  const ClientOptions& options() const noexcept { return options_; }
  const RequestAdapter& adapter() const noexcept { return adapter_; }

 private:
  ClientOptions options_;
  RequestAdapter adapter_;
};

}  // namespace msgraph::detail
