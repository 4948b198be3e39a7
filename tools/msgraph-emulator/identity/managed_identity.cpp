// SPDX-License-Identifier: MIT
#include "identity/managed_identity.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <stdexcept>

namespace emulator {
namespace {

constexpr const char* kResourceGroup =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/msgraph-emulator/"
    "providers/";

// A name-based UUID (RFC 9562 version 8) of `name`: the first 16 bytes of its SHA-256.
std::string uuidOf(const std::string& name) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(name.data(), name.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("cannot derive a managed identity's object id");
  }
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x80);
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);
  char text[37];
  std::snprintf(
      text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
      digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
      digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
  return text;
}

}  // namespace

ManagedIdentity makeManagedIdentity(const std::optional<std::string>& userAssignedClientId) {
  ManagedIdentity identity;
  identity.systemAssigned = !userAssignedClientId;
  identity.clientId =
      userAssignedClientId ? *userAssignedClientId : std::string(kSystemAssignedClientId);
  identity.principalId = uuidOf("msgraph-emulator managed identity " + identity.clientId);
  identity.resourceId =
      std::string(kResourceGroup) +
      (identity.systemAssigned
           ? "Microsoft.Web/sites/msgraph-emulator"
           : "Microsoft.ManagedIdentity/userAssignedIdentities/" + identity.clientId);
  return identity;
}

}  // namespace emulator
