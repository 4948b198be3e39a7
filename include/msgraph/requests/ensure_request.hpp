// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "msgraph/attempt.hpp"
#include "msgraph/export.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/requests/request.hpp"
#include "msgraph/result.hpp"

namespace msgraph {

/// @brief What an ensure did (or, planned, would do).
enum class EnsureOutcome {
  Unchanged,  ///< the policy already matched: nothing was written
  Created,    ///< the policy was absent: a PUT created it
  Updated,    ///< the policy differed: a PATCH sent only the differing properties
  Declined,   ///< a confirm callback declined the write: nothing was written
};

/// @brief The result of `ensure()`.
struct MSGRAPH_API EnsureResult {
  /// @brief What happened.
  EnsureOutcome outcome = EnsureOutcome::Unchanged;
  /// @brief The JSON pointers of the properties that differed (`/displayName`,
  /// `/userSyncInbound/isSyncAllowed`), for `Updated` (and a declined update).
  std::vector<std::string> changed;
  /// @brief Every attempt of every request the ensure made (reads and writes), in order.
  std::vector<Attempt> attempts;
};

/// @brief What `ensure()` would do, read but not written: the `-WhatIf` analog of ensure.
struct MSGRAPH_API EnsurePlan {
  /// @brief `Unchanged`, `Created` or `Updated`: what sending would do, as things stand now.
  EnsureOutcome outcome = EnsureOutcome::Unchanged;
  /// @brief The properties that differ, for `Updated`.
  std::vector<std::string> changed;
  /// @brief The write it would send (PUT or PATCH), `Authorization` redacted; absent when
  /// unchanged.
  std::optional<HttpRequest> write;
  /// @brief The attempts of the read.
  std::vector<Attempt> attempts;
};

/// @brief `ensure(desired)`: makes a partner's identity synchronization policy match `desired`
/// with the least write, for jobs that run again and again.
///
/// Reads the policy, then: nothing when it matches; a PUT when it is absent; a PATCH of only the
/// differing properties when it differs. A property absent from `desired` is left alone, an
/// explicit null clears it, and `tenantId`, `deletedDateTime` and `@odata.*` annotations are
/// never compared. Races with other writers are recovered: a `409` on the PUT (created meanwhile)
/// re-reads and patches; a `404` on the PATCH (deleted meanwhile) puts. Only a `404` reads as
/// absent: a 429, 5xx, 403 or transport failure fails the ensure (after the pipeline's own
/// retries) and nothing is written on a guess. The per-call options apply to every request.
class MSGRAPH_API EnsureIdentitySynchronizationRequest
    : public CallOptions<EnsureIdentitySynchronizationRequest> {
 public:
  /// @brief Runs the ensure; never throws for library errors. An error carries every attempt.
  Result<EnsureResult> send() const;
  /// @brief Runs the ensure.
  /// @throws what a request's `execute()` throws.
  EnsureResult execute() const { return send().value(); }
  /// @brief Reads the policy and says what `send()` would write, without writing.
  Result<EnsurePlan> plan() const;

 private:
  friend class IdentitySynchronizationRequestBuilder;
  EnsureIdentitySynchronizationRequest(detail::RequestCore core,
                                       models::IdentitySyncPolicyPartner desired)
      : CallOptions(std::move(core)), desired_(std::move(desired)) {}

  models::IdentitySyncPolicyPartner desired_;
};

}  // namespace msgraph
