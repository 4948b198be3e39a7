// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"

namespace msgraph_test {

/// Retry options that never retry, so each test sees exactly the requests it caused.
inline msgraph::RetryOptions noRetries() {
  msgraph::RetryOptions options;
  options.maxRetries = 0;
  return options;
}

/// A client over a MockTransport, with a static token and no retries.
struct MockClient {
  std::shared_ptr<msgraph::testing::MockTransport> mock =
      std::make_shared<msgraph::testing::MockTransport>();
  msgraph::GraphClient client{
      msgraph::ClientOptions{}
          .transport(mock)
          .credential(std::make_shared<msgraph::StaticTokenCredential>("secret-token-value"))
          .retry(noRetries())};
};

}  // namespace msgraph_test
