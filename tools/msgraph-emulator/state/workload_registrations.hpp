// SPDX-License-Identifier: MIT
#pragma once

#include "identity/workload_identities.hpp"
#include "server/options.hpp"

namespace emulator {

/// The federated issuers (their key files read), federated credentials and managed identities
/// of the command line, with the `--app-role` roles of each managed identity.
/// @throws std::runtime_error naming the flag if a key file cannot be read or holds no RSA
/// public key, or an `--app-federated` names no `--federated-issuer`.
WorkloadIdentities readWorkloadIdentities(const Options& options);

}  // namespace emulator
