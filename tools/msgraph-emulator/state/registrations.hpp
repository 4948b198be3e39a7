// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "identity/certificate.hpp"
#include "identity/workload_identities.hpp"
#include "server/options.hpp"
#include "state/state.hpp"

namespace emulator {

/// The apps, certificates, roles and tenants of the command line, with the certificate files
/// read, and the workload identities (which the state does not keep).
struct Registrations {
  std::vector<std::pair<std::string, std::string>> secrets;                 // client id, secret
  std::vector<std::pair<std::string, RegisteredCertificate>> certificates;  // client id, cert
  std::vector<std::pair<std::string, std::string>> roles;  // client id, role; apps only
  std::vector<std::string> tenants;                        // NAME or NAME=ALIAS, as given
  WorkloadIdentities workloads;  // managed identities hold their own roles
};

/// Reads the files named by `--app-cert` and `--federated-issuer`.
/// @throws std::runtime_error naming the flag and file if one cannot be read or holds no RSA
/// certificate or key, or an `--app-federated` names no `--federated-issuer`.
Registrations readRegistrations(const Options& options);

/// Adds `registrations` to the state (from the data file, if any): a secret replaces the app's
/// secret, a certificate or role is added unless the app has it already, an app with a
/// federated credential is registered (without credentials the state keeps) unless known, a
/// tenant (`NAME`) is added unless known, and `NAME=ALIAS` also makes ALIAS a name of NAME (see
/// TenantDirectory). Reads the state's policies, never changes them.
/// @return whether the state changed (and so must be saved).
/// @throws std::runtime_error naming the flag if a role is for an app that is registered
/// neither here nor in the state, or if an alias is a tenant of its own, an alias of another
/// tenant, or a tenant (`NAME`) is an alias.
bool addRegistrations(State& state, const Registrations& registrations);

}  // namespace emulator
