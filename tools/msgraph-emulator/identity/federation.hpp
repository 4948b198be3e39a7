// SPDX-License-Identifier: MIT
#pragma once

#include <openssl/evp.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace emulator {

/// A federated identity credential of an app (`--app-federated`): the app trusts tokens that
/// `issuer` issued for `subject`, as an Entra app's federated identity credential does (with
/// its default audience `api://AzureADTokenExchange`).
struct FederatedCredential {
  std::string clientId;
  std::string issuer;
  std::string subject;
};

/// The external token issuers the emulator trusts (`--federated-issuer`) and the apps'
/// federated identity credentials. Built once at startup and read-only afterwards, so it is
/// shared by the server threads without a lock.
struct Federation {
  /// The signing keys of each issuer, by its exact `iss` value: several when an issuer rotates
  /// its keys, as its JWKS would list them.
  std::map<std::string, std::vector<std::shared_ptr<EVP_PKEY>>> issuerKeys;
  std::vector<FederatedCredential> credentials;

  /// Whether `issuer` is registered, or `clientId` has a federated credential: an assertion of
  /// `clientId` whose `iss` is not `clientId` itself is then taken for a federated token.
  bool expectsFederatedToken(const std::string& clientId, const std::string& issuer) const;
};

}  // namespace emulator
