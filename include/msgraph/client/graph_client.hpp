// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "msgraph/client/client_options.hpp"
#include "msgraph/export.hpp"
#include "msgraph/requests/policies_request_builder.hpp"

namespace msgraph {

namespace detail {
class ClientState;
struct ClientAccess;  // the library's own reach into a client (a fleet run's `$batch` envelopes)
}  // namespace detail

/// @brief The entry point: a configured connection to Microsoft Graph.
///
/// Build one per application (or per credential) and share it: it is immutable once built,
/// thread-safe, and cheap to copy (copies share the pipeline and the transport's connections).
///
/// @code
/// msgraph::GraphClient client{msgraph::ClientOptions{}.credential(credential)};
/// auto sync = client.policies().crossTenantAccessPolicy().partners(partnerTenantId)
///                   .identitySynchronization();
/// sync.put(policy).execute();
/// @endcode
class MSGRAPH_API GraphClient {
 public:
  /// @brief Builds the client and its pipeline from `options`.
  /// @throws ValidationError for a bad `baseUrl`, `applicationId` or `caFile`, or a null user
  /// policy; nothing is sent while building.
  explicit GraphClient(ClientOptions options = {});

  /// @brief `/policies`, the start of every request.
  PoliciesRequestBuilder policies() const;

  /// @brief The pipeline's policies in the order a request passes them, ending with the
  /// transport: `client-request-id`, `user-agent`, the per-call user policies, `retry`, the
  /// per-retry user policies, `authorization`, `logging`, `transport`.
  std::vector<std::string> describePipeline() const;

  /// @brief The options the client was built with.
  const ClientOptions& options() const noexcept;

 private:
  friend struct detail::ClientAccess;
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace msgraph
