// SPDX-License-Identifier: MIT
#include "state/registrations.hpp"

#include <algorithm>
#include <stdexcept>

#include "identity/app_roles.hpp"
#include "msgraph/ascii.hpp"
#include "state/workload_registrations.hpp"
#include "support/ascii.hpp"
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

bool isTenantName(const TenantDirectory& tenants, const std::string& key) {
  return std::any_of(tenants.names.begin(), tenants.names.end(),
                     [&](const std::string& name) { return toLowerAscii(name) == key; });
}

// `NAME` registers a tenant; `NAME=ALIAS` also lets ALIAS sign in to it. An alias must not be
// a tenant of its own, whose policies it would hide, nor an alias of another tenant.
bool addTenant(State& state, const std::string& spec) {
  const auto refuse = [&](const std::string& why) {
    throw std::runtime_error("--tenant " + spec + ": " + why);
  };
  TenantDirectory& tenants = state.tenants;
  const std::size_t equals = spec.find('=');
  const std::string name = spec.substr(0, equals);
  const std::string key = toLowerAscii(name);
  if (tenants.aliases.count(key) != 0) {
    refuse("'" + name + "' is an alias of '" + tenants.keyOf(name) + "', not a tenant");
  }
  const bool known = isTenantName(tenants, key);
  if (!known) tenants.names.push_back(name);
  if (equals == std::string::npos) return !known;

  const std::string alias = toLowerAscii(spec.substr(equals + 1));
  if (alias.empty() || alias.find('=') != std::string::npos) refuse("expected NAME or NAME=ALIAS");
  if (alias == key) refuse("a tenant cannot be an alias of itself");
  if (const auto aliased = tenants.aliases.find(alias); aliased != tenants.aliases.end()) {
    if (aliased->second != key) {
      refuse("'" + alias + "' is already an alias of '" + aliased->second + "'");
    }
    return !known;
  }
  if (isTenantName(tenants, alias) || state.policies.count(alias) != 0) {
    refuse("'" + alias + "' is a tenant of its own (with its own partners); it cannot become " +
           "an alias");
  }
  tenants.aliases.emplace(alias, key);
  return true;
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
    changed = addTenant(state, tenant) || changed;
  }
  return changed;
}

}  // namespace emulator
