// SPDX-License-Identifier: MIT
#include "state/registrations.hpp"

#include <algorithm>
#include <stdexcept>

#include "identity/app_roles.hpp"
#include "msgraph/ascii.hpp"
#include "state/workload_registrations.hpp"
#include "support/text_file.hpp"

namespace emulator {
namespace {

bool addCertificate(AppRegistration& app, const RegisteredCertificate& certificate) {
  const bool known = std::any_of(app.certificates.begin(), app.certificates.end(),
                                 [&](const RegisteredCertificate& c) {
                                   return c.sha256Thumbprint == certificate.sha256Thumbprint;
                                 });
  if (!known) app.certificates.push_back(certificate);
  return !known;
}

bool addRole(State& state, const std::string& clientId, const std::string& role) {
  const auto app = state.apps.find(clientId);
  if (app == state.apps.end()) {
    throw std::runtime_error("--app-role " + clientId + ":" + role + ": no app '" + clientId +
                             "' is registered (with --app, --app-cert, --app-federated or in the "
                             "data file) and no --managed-identity has that client id");
  }
  AppRoles& roles = app->second.roles;
  const bool known = std::find(roles.begin(), roles.end(), role) != roles.end();
  if (!known) roles.push_back(role);
  return !known;
}

bool addTenant(std::vector<std::string>& tenants, const std::string& tenant) {
  const bool known = std::any_of(tenants.begin(), tenants.end(), [&](const std::string& t) {
    return msgraph::asciiEqualsIgnoreCase(t, tenant);
  });
  if (!known) tenants.push_back(tenant);
  return !known;
}

}  // namespace

Registrations readRegistrations(const Options& options) {
  Registrations registrations{
      options.apps, {}, {}, options.tenants, readWorkloadIdentities(options)};
  const auto& identities = registrations.workloads.managedIdentities;
  for (const auto& role : options.appRoles) {
    const bool ofIdentity =
        std::any_of(identities.begin(), identities.end(), [&](const ManagedIdentity& identity) {
          return msgraph::asciiEqualsIgnoreCase(identity.clientId, role.first);
        });
    if (!ofIdentity) registrations.roles.push_back(role);
  }
  for (const auto& [clientId, file] : options.appCertificates) {
    try {
      registrations.certificates.emplace_back(clientId, certificateFromPem(readTextFile(file)));
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("--app-cert " + clientId + ":" + file + ": " + e.what());
    }
  }
  return registrations;
}

bool addRegistrations(State& state, const Registrations& registrations) {
  bool changed = false;
  for (const auto& [clientId, secret] : registrations.secrets) {
    AppRegistration& app = state.apps[clientId];
    changed = changed || app.clientSecret != secret;
    app.clientSecret = secret;
  }
  for (const auto& [clientId, certificate] : registrations.certificates) {
    changed = addCertificate(state.apps[clientId], certificate) || changed;
  }
  for (const FederatedCredential& credential : registrations.workloads.federation.credentials) {
    changed = state.apps.try_emplace(credential.clientId).second || changed;
  }
  for (const auto& [clientId, role] : registrations.roles) {
    changed = addRole(state, clientId, role) || changed;
  }
  for (const std::string& tenant : registrations.tenants) {
    changed = addTenant(state.tenants, tenant) || changed;
  }
  return changed;
}

}  // namespace emulator
