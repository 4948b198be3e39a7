// SPDX-License-Identifier: MIT
#include "state/workload_registrations.hpp"

#include <filesystem>
#include <stdexcept>

#include "identity/certificate.hpp"
#include "msgraph/ascii.hpp"
#include "state/atomic_file.hpp"
#include "support/random.hpp"
#include "support/text_file.hpp"

namespace emulator {
namespace {

void readIssuers(const Options& options, Federation& federation) {
  for (const auto& [issuer, file] : options.federatedIssuers) {
    try {
      federation.issuerKeys[issuer].push_back(rsaPublicKeyFromPem(readTextFile(file)));
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("--federated-issuer " + issuer + ":" + file + ": " + e.what());
    }
  }
}

// `ISSUER:SUBJECT` split after the longest registered issuer that it starts with and that is
// followed by `:` and a non-empty subject, since issuers (URLs) and subjects (such as GitHub's
// `repo:org/name:ref:refs/heads/main`) both contain colons.
FederatedCredential resolveCredential(const std::string& clientId, const std::string& rest,
                                      const Federation& federation) {
  const std::string* best = nullptr;
  for (const auto& entry : federation.issuerKeys) {
    const std::string& issuer = entry.first;
    const bool prefix = rest.size() > issuer.size() + 1 &&
                        rest.compare(0, issuer.size(), issuer) == 0 && rest[issuer.size()] == ':';
    if (prefix && (best == nullptr || issuer.size() > best->size())) best = &issuer;
  }
  if (best == nullptr) {
    throw std::runtime_error("--app-federated " + clientId + ":" + rest +
                             ": expected CLIENT_ID:ISSUER:SUBJECT where ISSUER is one of the "
                             "--federated-issuer issuers and SUBJECT is not empty");
  }
  return {clientId, *best, rest.substr(best->size() + 1)};
}

// A fresh key file in `directory` holding a fresh secret, as the Arc agent writes one.
ArcChallenge writeArcKey(const std::string& directory) {
  ArcChallenge challenge{(std::filesystem::path(directory) / (newUuid() + ".key")).string(),
                         randomBase64Url(32)};
  try {
    replaceFileAtomically(challenge.keyFile, challenge.secret);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("--arc-key-dir " + directory + ": " + e.what());
  }
  return challenge;
}

}  // namespace

WorkloadIdentities readWorkloadIdentities(const Options& options) {
  WorkloadIdentities identities;
  readIssuers(options, identities.federation);
  for (const auto& [clientId, rest] : options.appFederated) {
    identities.federation.credentials.push_back(
        resolveCredential(clientId, rest, identities.federation));
  }
  for (const std::optional<std::string>& clientId : options.managedIdentities) {
    ManagedIdentity identity = makeManagedIdentity(clientId);
    for (const auto& [roleClientId, role] : options.appRoles) {
      if (msgraph::asciiEqualsIgnoreCase(roleClientId, identity.clientId)) {
        identity.roles.push_back(role);
      }
    }
    identities.managedIdentities.push_back(std::move(identity));
  }
  identities.identityHeader = options.identityHeader;
  identities.imds = options.imds;
  identities.imdsGoneFirst = options.imdsGoneFirst;
  if (options.arcKeyDir) identities.arc = writeArcKey(*options.arcKeyDir);
  return identities;
}

}  // namespace emulator
