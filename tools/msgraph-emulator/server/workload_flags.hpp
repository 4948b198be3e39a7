// SPDX-License-Identifier: MIT
#pragma once

// The setters of the workload identity flags of option_specs, each checking its value.

#include <string>

#include "server/options.hpp"

namespace emulator {

/// `--federated-issuer ISSUER:PUBLIC_KEY.pem`, split at the last `:`.
/// @throws UsageError naming the flag without an issuer or a file.
void addFederatedIssuer(Options& options, const std::string& flag, const std::string& value);

/// `--identity-header VALUE`.
/// @throws UsageError naming the flag for an empty value or one with other than visible ASCII.
void setIdentityHeader(Options& options, const std::string& flag, const std::string& value);

/// `--managed-identity [CLIENT_ID]`: empty for the system-assigned identity.
/// @throws UsageError naming the flag for a client id that is not a GUID, or an identity given
/// twice.
void addManagedIdentity(Options& options, const std::string& flag, const std::string& value);

}  // namespace emulator
