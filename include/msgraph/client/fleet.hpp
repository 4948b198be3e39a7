// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "msgraph/client/graph_client.hpp"
#include "msgraph/error.hpp"
#include "msgraph/export.hpp"
#include "msgraph/http/async_http_transport.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/pipeline/throttle_options.hpp"

namespace msgraph {

/// @brief What a fleet item asks for, for one partner of one tenant.
enum class FleetAction {
  /// `partners().ensure(partner, policy)`: the partner configuration exists with its set
  /// properties and, when `policy` is given, its policy matches it, with the least writes.
  Ensure,
  /// Removes the partner's identity synchronization policy (`DELETE .../identitySynchronization`);
  /// already absent (404) counts as done.
  RemovePolicy,
  /// Removes the partner's policy, then its configuration (Graph refuses to delete a partner
  /// configuration while its policy is there); what is already absent (404) counts as done.
  RemovePartner,
  /// Reads the partner's policy (`GET .../identitySynchronization`) into the result.
  GetPolicy,
};

/// @brief One unit of a fleet run: an action on one partner of one tenant.
struct MSGRAPH_API FleetItem {
  /// @brief The tenant whose policy store holds the partner, as `FleetOptions::tenant` knows it
  /// (empty: the default tenant).
  std::string tenant;
  /// @brief The partner's configuration; `tenantId` (the partner tenant id) is required and, for
  /// `Ensure`, the properties it sets are ensured.
  models::CrossTenantAccessPolicyConfigurationPartner partner;
  /// @brief For `Ensure`: the policy to ensure, if any.
  std::optional<models::IdentitySyncPolicyPartner> policy;
  /// @brief What to do.
  FleetAction action = FleetAction::Ensure;
  /// @brief The caller's own number for the item (a line of an input file, say), handed back in
  /// its result.
  std::uint64_t tag = 0;
};

/// @brief How a fleet item ended.
enum class FleetOutcome {
  Unchanged,  ///< nothing differed: nothing was written
  Created,    ///< the partner or its policy was absent and was created
  Updated,    ///< a PATCH sent the differing properties
  Removed,    ///< the policy or partner was deleted (or was already absent)
  Read,       ///< `GetPolicy` read the policy (absent: `policy` is empty)
  Failed,     ///< the item failed: see `error`
  /// The run was cancelled while the item was in flight (nothing more was sent), or stopped
  /// before the item sent any write (it changed nothing: it may simply be run again).
  Cancelled,
};

/// @brief The result of one fleet item, handed to the result callback as soon as it ends.
struct MSGRAPH_API FleetResult {
  /// @brief The item's position in the input, from 0.
  std::size_t index = 0;
  /// @brief The item's `tag`.
  std::uint64_t tag = 0;
  /// @brief The item's tenant and partner tenant id.
  std::string tenant;
  /// @brief The partner tenant id.
  std::string partnerTenantId;
  /// @brief The item's action.
  FleetAction action = FleetAction::Ensure;
  /// @brief How it ended.
  FleetOutcome outcome = FleetOutcome::Failed;
  /// @brief For `Updated`: the JSON pointers of the properties a PATCH changed (the partner's,
  /// then the policy's).
  std::vector<std::string> changed;
  /// @brief The HTTP status of the item's last response (0: none).
  int status = 0;
  /// @brief The `request-id` of the item's last response, if any.
  std::string requestId;
  /// @brief Every HTTP request sent for the item (reads, writes and retries), in order.
  std::vector<Attempt> attempts;
  /// @brief For `Failed` and `Cancelled`: why (a `ServiceError`, `TransportError`, ...).
  std::shared_ptr<const Error> error;
  /// @brief For `Read`: the policy, when there is one.
  std::optional<models::IdentitySyncPolicyPartner> policy;
};

/// @brief Where a fleet run stands, handed to the progress callback every
/// `FleetOptions::progressInterval` and once at the end.
struct MSGRAPH_API FleetProgress {
  /// @brief Items finished (any outcome), and of those, failed.
  std::size_t done = 0;
  std::size_t failed = 0;
  /// @brief HTTP requests on the wire now (items waiting for their turn are not counted).
  std::size_t inFlight = 0;
  /// @brief The number of items, when the source said (`FleetOptions::total`).
  std::optional<std::size_t> total;
  /// @brief Items finished per second over the last interval.
  double itemsPerSecond = 0;
  /// @brief HTTP requests sent, and of those answered `429`.
  std::uint64_t requests = 0;
  std::uint64_t throttled = 0;
  /// @brief The pace the scheduler allows now: writes per second of the slowest application and
  /// tenant scope in use, and the concurrency cap.
  double writesPerSecondLimit = 0;
  int concurrencyLimit = 0;
  /// @brief When `total` is known: the ETA of the run, the longer of the time the remaining
  /// writes take at the quota's pace (the documented quota times the fraction, pauses included)
  /// and the time the remaining items take at the pace of the last interval that finished any.
  std::optional<std::chrono::milliseconds> remaining;
  /// @brief Time since the run started.
  std::chrono::milliseconds elapsed{0};
};

/// @brief A tenant a fleet run signs in to: the client that calls its Graph (with a credential
/// for that tenant) and the ids its quotas are metered by.
struct MSGRAPH_API FleetTenant {
  /// @brief The client for this tenant. Every client of a run must share the run's
  /// `AsyncHttpTransport` (`ClientOptions::asyncTransport`), so that one loop thread runs all.
  GraphClient client;
  /// @brief The application (client) id the credential signs in as.
  std::string applicationId;
  /// @brief The tenant id (GUID or domain name) the token is for.
  std::string tenantId;
};

/// @brief Settings of a fleet run.
struct MSGRAPH_API FleetOptions {
  /// @brief The async transport every tenant's client shares (one loop thread for the run).
  std::shared_ptr<AsyncHttpTransport> transport;
  /// @brief The tenant an item names (its `tenant`); called on the loop thread, at most once per
  /// tenant name (the answer is kept). Returning null fails the item (`ValidationError`).
  std::function<std::shared_ptr<const FleetTenant>(const std::string& tenant)> tenant;
  /// @brief The quotas and pace. `maxConcurrency` bounds the requests in flight at once.
  ThrottleOptions throttle;
  /// @brief A fixed concurrency instead of the adaptive one (no quota pacing either): what a
  /// `ForEach-Object -Parallel` job does, for comparison. Unset: the quota-aware scheduler.
  std::optional<int> fixedConcurrency;
  /// @brief `$batch` mode: the items' requests go in `POST /$batch` envelopes (Graph's JSON
  /// batching, at the client's service root and API version) of at most this many requests, 1
  /// to 20 (Graph's limit). Unset: each request is a round trip of its own.
  ///
  /// Batching saves round trips and connections, not quota: Graph counts each request of an
  /// envelope against the quotas, and so does the scheduler, which admits an envelope when the
  /// scopes have the tokens of all its requests (at the quota's pace, as many as when each
  /// goes alone). Each request keeps its own status, headers and body: an ensure's read and write
  /// are two requests, so its write goes in a later envelope. Only the requests the client's retry
  /// policy would retry alone (a 429 or 503 after its own `Retry-After`, a 504, a transport
  /// failure of an idempotent request) are sent again, in a later envelope, under the same id
  /// (the item's index); the others are never resent. An envelope that fails as a whole (no
  /// answer, a 5xx, a 401 after a renewed token) is each of its requests' failure, judged the
  /// same way. Each attempt of an item records its own request's status and `request-id` (the
  /// envelope's when the item's answer has none). `FleetProgress::requests` counts the
  /// requests, and the concurrency cap the envelopes in flight.
  std::optional<int> batchSize;
  /// @brief The number of items, if the caller knows it (for progress and the ETA).
  std::optional<std::size_t> total;
  /// @brief Called every `progressInterval` and when the run ends, on the loop thread.
  std::function<void(const FleetProgress&)> progress;
  /// @brief How often `progress` is called. Default: 1 s.
  std::chrono::milliseconds progressInterval{std::chrono::seconds(1)};
};

/// @brief Stops a fleet run from any thread, also from a signal handler: `stop()` ends the
/// scheduling of new items (items that have sent a write, even one answered `429`, finish and
/// report, so that no partner is left half-written; items that have sent no write yet report
/// `Cancelled`, also in `$batch` mode while they wait for an envelope), `cancel()` also
/// stops the ones in flight (reported `Cancelled`). Both only set a flag, which the run looks at
/// every 20 ms.
class MSGRAPH_API FleetControl {
 public:
  /// @brief No more new items; those that have sent a write finish. Async-signal-safe.
  void stop() noexcept { stop_.store(true, std::memory_order_relaxed); }
  /// @brief Stop now: items in flight are cancelled. Async-signal-safe.
  void cancel() noexcept {
    stop_.store(true, std::memory_order_relaxed);
    cancel_.store(true, std::memory_order_relaxed);
  }
  /// @brief Whether `stop()` or `cancel()` was called.
  bool stopped() const noexcept { return stop_.load(std::memory_order_relaxed); }
  /// @brief Whether `cancel()` was called.
  bool cancelled() const noexcept { return cancel_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<bool> cancel_{false};
};

/// @brief How a fleet run ended.
struct MSGRAPH_API FleetSummary {
  /// @brief Items started, and of those how each ended.
  std::size_t started = 0;
  std::size_t succeeded = 0;
  std::size_t failed = 0;
  std::size_t cancelled = 0;
  /// @brief Whether the run was stopped before the source ran dry.
  bool stopped = false;
  /// @brief HTTP requests sent, and of those answered `429`.
  std::uint64_t requests = 0;
  std::uint64_t throttled = 0;
  /// @brief The run's wall time.
  std::chrono::milliseconds elapsed{0};
};

/// @brief Runs many partner operations, across one tenant or many, as fast as Graph's quotas
/// allow and no faster: the library's answer to "configure 10,000 partners".
///
/// Items are pulled from `source` only as the run has room for them and each result goes to
/// `sink` as soon as its item ends, so memory does not grow with the number of items. Every HTTP
/// request of every item (reads, writes, retries) passes the quota-aware scheduler first: a
/// token bucket per throttle scope (application+tenant writes and resource units, tenant writes,
/// application writes) at `ThrottleOptions`' documented quotas, paused by a `429`'s
/// `Retry-After` (that scope only: other tenants go on), slowed by
/// `x-ms-throttle-limit-percentage`, with an adaptive cap on requests in flight; curl never
/// queues our requests. The items run on the async engine (`sendAsync()`, one loop thread),
/// with the client's retries, logging and attempt records. One bad item never stops the others.
///
/// @code
/// auto transport = std::make_shared<msgraph::CurlMultiTransport>();
/// msgraph::FleetOptions options;
/// options.transport = transport;
/// options.tenant = [&](const std::string&) { return contoso; };  // a FleetTenant
/// msgraph::Fleet fleet(options);
/// fleet.run([&]() -> std::optional<msgraph::FleetItem> { return next(); },
///           [&](const msgraph::FleetResult& result) { record(result); });
/// @endcode
class MSGRAPH_API Fleet {
 public:
  /// @brief Pulls the next item, or nothing when there are no more. Called on the loop thread.
  using Source = std::function<std::optional<FleetItem>()>;
  /// @brief Receives each result as its item ends, on the loop thread; must not block long.
  using Sink = std::function<void(const FleetResult&)>;

  /// @throws ValidationError naming the field of `options` that is missing or out of range.
  explicit Fleet(FleetOptions options);

  /// @brief Runs every item `source` gives, until it gives none or `control` stops the run, and
  /// returns when every started item has reported. Blocks the calling thread (which must not be
  /// the loop thread). An exception `source` or `sink` throws ends the run like `cancel()`, and
  /// is rethrown here.
  FleetSummary run(const Source& source, const Sink& sink, const FleetControl* control = nullptr);

 private:
  FleetOptions options_;
};

}  // namespace msgraph
