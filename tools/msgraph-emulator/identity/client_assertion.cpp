// SPDX-License-Identifier: MIT
#include "identity/client_assertion.hpp"

#include <algorithm>

#include "identity/jws_signature.hpp"
#include "identity/jwt_claims.hpp"
#include "msgraph/ascii.hpp"
#include "support/base64.hpp"
#include "support/url.hpp"

namespace emulator {
namespace {

using Clock = std::chrono::system_clock;
using msgraph::Json;

// The longest assertion lifetime the identity platform's documentation allows (exp 5 to 10
// minutes after nbf).
constexpr double kMaxLifetimeSeconds = 600;
constexpr const char* kSeeDocs =
    " Review the documentation at "
    "https://learn.microsoft.com/entra/identity-platform/certificate-credentials .";

// The registered certificate the header names by `x5t#S256`, or with RS256 also by the SHA-1
// `x5t` of older clients. `thumbprint` receives the name used, for the refusal's text.
const RegisteredCertificate* namedCertificate(const Json& header, JwsAlgorithm algorithm,
                                              const AppRegistration& app, std::string& thumbprint) {
  const std::string* sha256 = stringClaim(header, "x5t#S256");
  const std::string* sha1 = algorithm == JwsAlgorithm::RS256 ? stringClaim(header, "x5t") : nullptr;
  const std::string* named = sha256 != nullptr ? sha256 : sha1;
  if (named == nullptr) return nullptr;
  thumbprint = *named;
  const std::optional<std::string> digest = decodeBase64Url(*named);
  const auto found = std::find_if(
      app.certificates.begin(), app.certificates.end(), [&](const RegisteredCertificate& c) {
        return digest && (sha256 != nullptr ? c.sha256Thumbprint : c.sha1Thumbprint) == *digest;
      });
  return found == app.certificates.end() ? nullptr : &*found;
}

std::optional<TokenError> checkSigner(const CompactJws& jws, const std::string& clientId,
                                      const AppRegistration& app) {
  const std::optional<JwsAlgorithm> algorithm = assertionAlgorithm(jws.header);
  if (!algorithm) return invalidClient(5002730, unsupportedAlgorithmText(jws.header));
  std::string thumbprint;
  const RegisteredCertificate* certificate =
      namedCertificate(jws.header, *algorithm, app, thumbprint);
  if (certificate == nullptr) {
    return invalidClient(700027,
                         "Client assertion failed signature validation. [Reason - The key was "
                         "not found., Thumbprint of key used by client: '" +
                             (thumbprint.empty() ? "(no x5t#S256 in the header)" : thumbprint) +
                             "'.] Register the certificate with --app-cert " + clientId +
                             ":CERT.pem.");
  }
  if (!verifyJwsSignature(certificate->publicKey.get(), *algorithm, jws.signingInput,
                          jws.signature)) {
    return invalidClient(700027,
                         "Client assertion contains an invalid signature. [Reason - The "
                         "signature does not verify with the key of the registered "
                         "certificate '" +
                             thumbprint + "'.]");
  }
  return std::nullopt;
}

std::optional<TokenError> checkSubject(const Json& claims, const std::string& clientId) {
  const std::string* iss = stringClaim(claims, "iss");
  const std::string* sub = stringClaim(claims, "sub");
  if (iss != nullptr && sub != nullptr && *iss == clientId && *sub == clientId) {
    return std::nullopt;
  }
  return invalidClient(700021,
                       "Client assertion application identifier doesn't match 'client_id' "
                       "parameter. Its 'iss' and 'sub' claims must both be '" +
                           clientId + "'." + kSeeDocs);
}

// `host[:port]` without the scheme's default port: `https://h:443/` and `https://h/` are one.
std::string withoutDefaultPort(std::string_view authority, std::string_view scheme) {
  const std::string_view port = msgraph::asciiEqualsIgnoreCase(scheme, "https") ? ":443" : ":80";
  if (authority.size() > port.size() && authority.substr(authority.size() - port.size()) == port) {
    authority.remove_suffix(port.size());
  }
  return std::string(authority);
}

bool audienceMatches(std::string_view audience, const AssertionContext& context) {
  const std::size_t separator = audience.find("://");
  if (separator == std::string_view::npos) return false;
  const std::string_view scheme = audience.substr(0, separator);
  const std::string_view rest = audience.substr(separator + 3);
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return false;
  const std::optional<std::string> path = percentDecode(rest.substr(slash), false);
  return msgraph::asciiEqualsIgnoreCase(scheme, context.scheme) &&
         msgraph::asciiEqualsIgnoreCase(withoutDefaultPort(rest.substr(0, slash), scheme),
                                        withoutDefaultPort(context.authority, context.scheme)) &&
         path && *path == "/" + context.tenant + "/oauth2/v2.0/token";
}

std::optional<TokenError> checkAudience(const Json& claims, const AssertionContext& context) {
  const std::string* audience = stringClaim(claims, "aud");
  if (audience != nullptr && audienceMatches(*audience, context)) return std::nullopt;
  return invalidClient(700023,
                       "Client assertion audience claim does not match Realm issuer. 'aud' "
                       "must be the token endpoint's URL as addressed, '" +
                           context.scheme + "://" + context.authority + "/" + context.tenant +
                           "/oauth2/v2.0/token', not '" +
                           (audience != nullptr ? *audience : std::string("(none)")) + "'." +
                           kSeeDocs);
}

// On success `expiry` receives `exp`, in seconds since the epoch.
std::optional<TokenError> checkValidity(const Json& claims, Clock::time_point when,
                                        double& expiry) {
  const std::optional<ValidityWindow> window = validityWindow(claims, when);
  if (!window) {
    return invalidClient(50027, "Invalid JWT token. The assertion has no numeric 'exp' claim.");
  }
  if (!holds(*window, when, kClockSkewSeconds)) {
    return invalidClient(500133,
                         "Assertion is not within its valid time range (5 minutes of clock "
                         "skew allowed). " +
                             describeWindow(*window, when) + kSeeDocs);
  }
  if (window->expiry - window->start > kMaxLifetimeSeconds + kClockSkewSeconds) {
    return invalidClient(500133,
                         "Assertion is not within its valid time range: its lifetime is "
                         "longer than 10 minutes. " +
                             describeWindow(*window, when) + kSeeDocs);
  }
  expiry = window->expiry;
  return std::nullopt;
}

// Last of the checks, so that only an otherwise accepted assertion uses up its jti.
std::optional<TokenError> checkFirstUse(const Json& claims, const std::string& clientId,
                                        double expiry, Clock::time_point now,
                                        AssertionReplayGuard& replays) {
  const std::string* jti = stringClaim(claims, "jti");
  if (jti == nullptr || jti->empty()) {
    return invalidClient(50027, "Invalid JWT token. The assertion has no 'jti' claim.");
  }
  // Past exp plus the skew the assertion is refused as expired, so it need not be remembered.
  if (replays.firstUse(clientId, *jti, timeOfClaim(expiry + kClockSkewSeconds), now))
    return std::nullopt;
  return invalidClient(
      500133, "Assertion is not within its valid time range: the assertion with jti '" + *jti +
                  "' was already used, and each client assertion is accepted "
                  "only once. Sign a new assertion for every token request.");
}

}  // namespace

std::optional<TokenError> verifyClientAssertion(const std::string& clientId, const CompactJws& jws,
                                                const AppRegistration& app,
                                                const AssertionContext& context,
                                                AssertionReplayGuard& replays) {
  if (auto refused = checkSigner(jws, clientId, app)) return refused;
  if (auto refused = checkSubject(jws.claims, clientId)) return refused;
  if (auto refused = checkAudience(jws.claims, context)) return refused;
  double expiry = 0;
  if (auto refused = checkValidity(jws.claims, context.now, expiry)) return refused;
  return checkFirstUse(jws.claims, clientId, expiry, context.now, replays);
}

}  // namespace emulator
