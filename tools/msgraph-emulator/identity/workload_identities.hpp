// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "identity/federation.hpp"
#include "identity/managed_identity.hpp"

namespace emulator {

/// The challenge of Azure Arc's identity endpoint: the key file its 401 names and the secret
/// written in it, which the client proves it could read by sending it back.
struct ArcChallenge {
  std::string keyFile;
  std::string secret;
};

/// The identities of workloads that sign in without a secret of their own: federated tokens
/// (`--federated-issuer`, `--app-federated`) and the managed identities of the emulated host
/// (`--managed-identity`, `--identity-header`). Command-line configuration, like TLS: not kept
/// in the `--data` file; read-only once the server runs.
struct WorkloadIdentities {
  Federation federation;
  std::vector<ManagedIdentity> managedIdentities;
  /// The value `X-IDENTITY-HEADER` must carry; without it `/msi/token` is not served.
  std::optional<std::string> identityHeader;
  /// Whether the VM form, IMDS's `/metadata/identity/oauth2/token`, is served (`--imds`).
  bool imds = false;
  /// How many of the first IMDS token requests get 410 Gone, as while IMDS is updating.
  std::uint64_t imdsGoneFirst = 0;
  /// When set, `/metadata/identity/oauth2/token` is Azure Arc's form (`--arc-key-dir`): a
  /// request must answer this challenge.
  std::optional<ArcChallenge> arc;
};

}  // namespace emulator
