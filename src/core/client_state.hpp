#pragma once

#include <string>

#include "msgraph/client_options.hpp"
#include "pipeline/pipeline.hpp"

namespace msgraph::detail {

/// What every request of a client shares: the options, the service root with the API version
/// (`https://graph.microsoft.com/v1.0`) and the pipeline. Immutable after construction.
class ClientState {
 public:
  explicit ClientState(ClientOptions options);

  const ClientOptions& options() const noexcept { return options_; }
  const std::string& serviceRoot() const noexcept { return serviceRoot_; }
  const Pipeline& pipeline() const noexcept { return pipeline_; }

 private:
  ClientOptions options_;
  std::string serviceRoot_;
  Pipeline pipeline_;
};

}  // namespace msgraph::detail
