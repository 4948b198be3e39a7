// SPDX-License-Identifier: MIT
#include "identity/federated_assertion.hpp"

#include <algorithm>

#include "identity/jwt_claims.hpp"

namespace emulator {
namespace {

using msgraph::Json;

// The closing sentence of Entra's federated-credential refusals.
constexpr const char* kCheckCredential =
    " Please check your federated identity credential Subject, Audience and Issuer against the "
    "presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-"
    "federation";

std::string quoted(const std::string* claim) {
  return claim != nullptr ? "'" + *claim + "'" : std::string("(none)");
}

TokenError unknownIssuer(const std::string* iss) {
  return invalidClient(700211,
                       "No matching federated identity record found for presented assertion "
                       "issuer " +
                           quoted(iss) + "." + kCheckCredential);
}

bool signedByIssuer(const CompactJws& token, JwsAlgorithm algorithm,
                    const std::vector<std::shared_ptr<EVP_PKEY>>& keys) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::shared_ptr<EVP_PKEY>& key) {
    return verifyJwsSignature(key.get(), algorithm, token.signingInput, token.signature);
  });
}

bool namesExchangeAudience(const Json& claims) {
  const Json* aud = claims.find("aud");
  if (aud == nullptr) return false;
  if (aud->isString()) return aud->asString() == kTokenExchangeAudience;
  if (!aud->isArray()) return false;
  return std::any_of(aud->asArray().begin(), aud->asArray().end(), [](const Json& item) {
    return item.isString() && item.asString() == kTokenExchangeAudience;
  });
}

std::string audienceText(const Json& claims) {
  const Json* aud = claims.find("aud");
  if (aud == nullptr) return "(none)";
  return aud->isString() ? aud->asString() : aud->dump();
}

std::optional<TokenError> checkCredential(const std::string& clientId, const std::string& iss,
                                          const std::string* sub, const Federation& federation) {
  const auto& all = federation.credentials;
  const auto matches = [&](const FederatedCredential& c, bool sameApp) {
    return (c.clientId == clientId) == sameApp && c.issuer == iss && sub != nullptr &&
           c.subject == *sub;
  };
  if (std::any_of(all.begin(), all.end(), [&](const auto& c) { return matches(c, true); })) {
    return std::nullopt;
  }
  if (std::any_of(all.begin(), all.end(), [&](const auto& c) { return matches(c, false); })) {
    return TokenError{400, "invalid_request", 70021,
                      "No matching federated identity record found for presented assertion. "
                      "Assertion Issuer: '" +
                          iss + "'. Assertion Subject: '" + *sub + "'. Assertion Audience: '" +
                          kTokenExchangeAudience + "'. The issuer and subject are trusted by " +
                          "another application, not by '" + clientId + "'."};
  }
  const bool issuerTrusted = std::any_of(all.begin(), all.end(), [&](const auto& c) {
    return c.clientId == clientId && c.issuer == iss;
  });
  if (!issuerTrusted) return unknownIssuer(&iss);
  return invalidClient(
      700213, "No matching federated identity record found for presented assertion subject " +
                  quoted(sub) + "." + kCheckCredential);
}

}  // namespace

std::optional<TokenError> verifyFederatedAssertion(const std::string& clientId,
                                                   const CompactJws& token,
                                                   const Federation& federation,
                                                   std::chrono::system_clock::time_point now) {
  const std::optional<JwsAlgorithm> algorithm = assertionAlgorithm(token.header);
  if (!algorithm) return invalidClient(5002730, unsupportedAlgorithmText(token.header));
  const std::string* iss = stringClaim(token.claims, "iss");
  const auto issuer =
      iss != nullptr ? federation.issuerKeys.find(*iss) : federation.issuerKeys.end();
  if (issuer == federation.issuerKeys.end()) return unknownIssuer(iss);
  if (!signedByIssuer(token, *algorithm, issuer->second)) {
    return invalidClient(50013,
                         "Assertion failed signature validation. [Reason - The signature does "
                         "not verify with any key of the issuer '" +
                             *iss + "'.]");
  }
  const std::optional<ValidityWindow> window = validityWindow(token.claims, now);
  if (!window)
    return invalidClient(50027, "Invalid JWT token. The token has no numeric 'exp' claim.");
  if (!holds(*window, now, kClockSkewSeconds)) {
    return invalidClient(700024, "Client assertion is not within its valid time range. " +
                                     describeWindow(*window, now) +
                                     " Review the documentation at "
                                     "https://learn.microsoft.com/entra/workload-id/"
                                     "workload-identity-federation .");
  }
  if (!namesExchangeAudience(token.claims)) {
    return invalidClient(700212,
                         "No matching federated identity record found for presented assertion "
                         "audience '" +
                             audienceText(token.claims) + "'." + kCheckCredential);
  }
  return checkCredential(clientId, *iss, stringClaim(token.claims, "sub"), federation);
}

}  // namespace emulator
