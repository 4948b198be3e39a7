// SPDX-License-Identifier: MIT
#include "server/workload_flags.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "identity/managed_identity.hpp"
#include "msgraph/ascii.hpp"

namespace emulator {

// `ISSUER:PUBLIC_KEY.pem`, split at the last colon: an issuer is a URL, which has colons (and
// may have a port), while the file name may not.
void addFederatedIssuer(Options& o, const std::string& f, const std::string& v) {
  const std::size_t colon = v.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == v.size()) {
    throw UsageError(f +
                     ": expected ISSUER:PUBLIC_KEY.pem (split at the last ':', so the file "
                     "name may not contain one), got '" +
                     v + "'");
  }
  o.federatedIssuers.emplace_back(v.substr(0, colon), v.substr(colon + 1));
}

void setIdentityHeader(Options& o, const std::string& f, const std::string& v) {
  const bool visible =
      !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c > ' ' && c < 0x7f; });
  if (!visible) {
    throw UsageError(f +
                     ": expected a non-empty value of visible ASCII characters (it is sent "
                     "as an HTTP header)");
  }
  o.identityHeader = v;
}

namespace {

bool isGuid(const std::string& v) {
  if (v.size() != 36) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? v[i] != '-' : !std::isxdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  return true;
}

}  // namespace

// No value: the system-assigned identity; a value: a user-assigned identity's client id.
void addManagedIdentity(Options& o, const std::string& f, const std::string& v) {
  if (!v.empty() && !isGuid(v)) {
    throw UsageError(f +
                     ": expected a client id (a GUID such as "
                     "11111111-2222-3333-4444-555555555555) or no value for the "
                     "system-assigned identity, got '" +
                     v + "'");
  }
  const std::optional<std::string> clientId =
      v.empty() ? std::nullopt : std::optional<std::string>(v);
  const bool repeated =
      std::any_of(o.managedIdentities.begin(), o.managedIdentities.end(), [&](const auto& known) {
        return known.has_value() == clientId.has_value() &&
               (!clientId || msgraph::asciiEqualsIgnoreCase(*known, *clientId));
      });
  if (repeated ||
      (clientId && msgraph::asciiEqualsIgnoreCase(*clientId, kSystemAssignedClientId))) {
    throw UsageError(f + ": " +
                     (clientId ? "the identity " + *clientId : "the system-assigned identity") +
                     " is already registered");
  }
  o.managedIdentities.push_back(clientId);
}

}  // namespace emulator
