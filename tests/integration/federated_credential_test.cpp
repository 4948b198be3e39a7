// SPDX-License-Identifier: MIT
// Federated credentials against the emulator over HTTPS: a token of an external issuer (made
// here with OpenSSL, as a cluster or CI system would) exchanged at the token endpoint, and every
// refusal Entra's workload identity federation documents or is seen to give.
#include <catch2/catch.hpp>

#include "integration/emulator.hpp"
#include "integration/workload_sign_in.hpp"
#include "support/test_jwt.hpp"

using msgraph::Json;
using msgraph_test::JwtAlgorithm;
using testing_support::Emulator;

namespace {

const std::string kTenant = "contoso.onmicrosoft.com";
const std::string kApp = "33333333-4444-5555-6666-777777777777";
const std::string kOtherApp = "44444444-5555-6666-7777-888888888888";
// An issuer with a port and a subject with colons: the flags must still split them right.
const std::string kIssuer = "https://oidc.cluster.test:8443/tenant-1";
const std::string kSubject = "system:serviceaccount:default:workload";
const std::string kOtherSubject = "repo:contoso/app:ref:refs/heads/main";

// The issuer's signing keys (a second one, as after a rotation), a stranger's, and the emulator
// that trusts the first two.
struct Federated {
  msgraph_test::TempDir dir;
  msgraph_test::Key key = msgraph_test::sharedRsaKey("federated issuer");
  msgraph_test::Key rotatedKey = msgraph_test::sharedRsaKey("federated issuer, rotated");
  msgraph_test::Key strangerKey = msgraph_test::sharedRsaKey("federated stranger");
  Emulator emulator{
      {"--tenant", kTenant, "--auto-create-partners", "--federated-issuer",
       kIssuer + ":" + dir.write("issuer.pem", msgraph_test::publicKeyPem(key.get())),
       "--federated-issuer",
       kIssuer + ":" + dir.write("rotated.pem", msgraph_test::publicKeyPem(rotatedKey.get())),
       "--app-federated", kApp + ":" + kIssuer + ":" + kSubject, "--app-federated",
       kOtherApp + ":" + kIssuer + ":" + kOtherSubject, "--app-role",
       kOtherApp + ":Policy.Read.All"}};

  msgraph::HttpResponse exchange(const std::string& token, const std::string& clientId = kApp) {
    return testing_support::requestTokenWithAssertion(emulator, kTenant, clientId, token);
  }
};

// The claims of a token that Entra accepts for kApp: valid from a minute ago for ten minutes.
Json validClaims() {
  return Json::object({{"iss", kIssuer},
                       {"sub", kSubject},
                       {"aud", "api://AzureADTokenExchange"},
                       {"iat", msgraph_test::epochSeconds(std::chrono::seconds(-60))},
                       {"nbf", msgraph_test::epochSeconds(std::chrono::seconds(-60))},
                       {"exp", msgraph_test::epochSeconds(std::chrono::minutes(10))}});
}

Json withClaim(Json claims, const std::string& name, Json value) {
  claims.set(name, std::move(value));
  return claims;
}

std::string accessTokenOf(const msgraph::HttpResponse& response) {
  INFO(response.body);
  REQUIRE(response.status == 200);
  const Json body = Json::parse(response.body);
  CHECK(body.find("token_type")->asString() == "Bearer");
  return body.find("access_token")->asString();
}

// The refusal's status, `error` and first AADSTS code.
struct Refusal {
  int status;
  std::string error;
  std::int64_t aadsts;
};

Refusal refusalOf(const msgraph::HttpResponse& response) {
  INFO(response.body);
  const Json body = Json::parse(response.body);
  return {response.status, body.find("error")->asString(),
          body.find("error_codes")->asArray().at(0).asInt()};
}

std::string descriptionOf(const msgraph::HttpResponse& response) {
  return Json::parse(response.body).find("error_description")->asString();
}

}  // namespace

TEST_CASE("a federated token signed RS256 or PS256 signs its app in for Graph calls",
          "[integration][federated]") {
  Federated federated;
  for (const JwtAlgorithm algorithm : {JwtAlgorithm::RS256, JwtAlgorithm::PS256}) {
    CAPTURE(algorithm == JwtAlgorithm::PS256 ? "PS256" : "RS256");
    const std::string jwt = msgraph_test::signedJwt(federated.key.get(), algorithm, validClaims());
    const std::string token = accessTokenOf(federated.exchange(jwt));
    const std::string partner = algorithm == JwtAlgorithm::PS256 ? "partner-ps" : "partner-rs";
    const auto access = testing_support::graphAccessOf(federated.emulator, token, partner);
    CHECK(access.put == 204);
    CHECK(access.get == 200);
    // A projected token is read from its file for every request until it expires: no jti, no
    // single use.
    CHECK(federated.exchange(jwt).status == 200);
  }
}

TEST_CASE(
    "a federated token is accepted with the issuer's rotated key, an audience array and a "
    "little clock skew",
    "[integration][federated]") {
  Federated federated;
  SECTION("signed with the second key registered for the issuer") {
    accessTokenOf(federated.exchange(
        msgraph_test::signedJwt(federated.rotatedKey.get(), JwtAlgorithm::RS256, validClaims())));
  }
  SECTION("aud as an array that holds api://AzureADTokenExchange") {
    const Json audiences =
        Json::Array{"https://kubernetes.default.svc", "api://AzureADTokenExchange"};
    accessTokenOf(federated.exchange(msgraph_test::signedJwt(
        federated.key.get(), JwtAlgorithm::RS256, withClaim(validClaims(), "aud", audiences))));
  }
  SECTION("expired a minute ago, within the 5 minutes of skew") {
    accessTokenOf(federated.exchange(msgraph_test::signedJwt(
        federated.key.get(), JwtAlgorithm::PS256,
        withClaim(validClaims(), "exp", msgraph_test::epochSeconds(std::chrono::seconds(-60))))));
  }
}

TEST_CASE("the roles of a federated app limit its token", "[integration][federated]") {
  Federated federated;
  const Json claims = withClaim(validClaims(), "sub", kOtherSubject);
  const std::string token = accessTokenOf(federated.exchange(
      msgraph_test::signedJwt(federated.key.get(), JwtAlgorithm::RS256, claims), kOtherApp));
  const auto access = testing_support::graphAccessOf(federated.emulator, token, "partner-ro");
  CHECK(access.put == 403);  // Policy.Read.All only
  CHECK(access.get == 404);  // allowed to read; there is nothing
}

TEST_CASE("federated tokens that Entra refuses are refused with its codes",
          "[integration][federated]") {
  Federated federated;
  const auto sign = [&](const Json& claims) {
    return msgraph_test::signedJwt(federated.key.get(), JwtAlgorithm::RS256, claims);
  };
  SECTION("an issuer that is not registered") {
    const auto response =
        federated.exchange(sign(withClaim(validClaims(), "iss", "https://evil.test")));
    const Refusal refusal = refusalOf(response);
    CHECK(refusal.status == 401);
    CHECK(refusal.error == "invalid_client");
    CHECK(refusal.aadsts == 700211);
    CHECK(descriptionOf(response).rfind(
              "AADSTS700211: No matching federated identity record found for presented "
              "assertion issuer 'https://evil.test'.",
              0) == 0);
  }
  SECTION("the issuer compared case-sensitively") {
    const auto response = federated.exchange(
        sign(withClaim(validClaims(), "iss", "https://OIDC.cluster.test:8443/tenant-1")));
    CHECK(refusalOf(response).aadsts == 700211);
  }
  SECTION("a subject the app has no credential for") {
    const auto response =
        federated.exchange(sign(withClaim(validClaims(), "sub", "system:serviceaccount:x:y")));
    const Refusal refusal = refusalOf(response);
    CHECK(refusal.status == 401);
    CHECK(refusal.aadsts == 700213);
    CHECK(descriptionOf(response).find("subject 'system:serviceaccount:x:y'") != std::string::npos);
  }
  SECTION("the issuer and subject of another app") {
    const Refusal refusal =
        refusalOf(federated.exchange(sign(withClaim(validClaims(), "sub", kOtherSubject))));
    CHECK(refusal.status == 400);
    CHECK(refusal.error == "invalid_request");
    CHECK(refusal.aadsts == 70021);
  }
  SECTION("a wrong audience") {
    const auto response =
        federated.exchange(sign(withClaim(validClaims(), "aud", "api://SomethingElse")));
    const Refusal refusal = refusalOf(response);
    CHECK(refusal.status == 401);
    CHECK(refusal.aadsts == 700212);
    CHECK(descriptionOf(response).find("audience 'api://SomethingElse'") != std::string::npos);
  }
  SECTION("no audience") {
    Json claims = validClaims();
    claims.asObject().erase("aud");
    CHECK(refusalOf(federated.exchange(sign(claims))).aadsts == 700212);
  }
  SECTION("expired an hour ago (an old token file that was not rotated)") {
    Json claims =
        withClaim(validClaims(), "exp", msgraph_test::epochSeconds(-std::chrono::hours(1)));
    claims.set("nbf", msgraph_test::epochSeconds(-std::chrono::hours(2)));
    const auto response = federated.exchange(sign(claims));
    const Refusal refusal = refusalOf(response);
    CHECK(refusal.status == 401);
    CHECK(refusal.aadsts == 700024);
    CHECK(descriptionOf(response).rfind(
              "AADSTS700024: Client assertion is not within its valid time range. Current time: ",
              0) == 0);
  }
  SECTION("not valid before an hour from now") {
    Json claims =
        withClaim(validClaims(), "nbf", msgraph_test::epochSeconds(std::chrono::hours(1)));
    claims.set("exp", msgraph_test::epochSeconds(std::chrono::hours(2)));
    CHECK(refusalOf(federated.exchange(sign(claims))).aadsts == 700024);
  }
  SECTION("issued an hour from now, without nbf") {
    Json claims =
        withClaim(validClaims(), "iat", msgraph_test::epochSeconds(std::chrono::hours(1)));
    claims.asObject().erase("nbf");
    claims.set("exp", msgraph_test::epochSeconds(std::chrono::hours(2)));
    CHECK(refusalOf(federated.exchange(sign(claims))).aadsts == 700024);
  }
  SECTION("no exp") {
    Json claims = validClaims();
    claims.asObject().erase("exp");
    CHECK(refusalOf(federated.exchange(sign(claims))).aadsts == 50027);
  }
  SECTION("signed by a key the issuer does not have") {
    const Refusal refusal = refusalOf(federated.exchange(
        msgraph_test::signedJwt(federated.strangerKey.get(), JwtAlgorithm::PS256, validClaims())));
    CHECK(refusal.status == 401);
    CHECK(refusal.aadsts == 50013);
  }
  SECTION("a signature over other claims (the payload changed after signing)") {
    const std::string genuine = sign(validClaims());
    const std::string forged = sign(withClaim(validClaims(), "sub", "someone-else"));
    const std::string spliced =
        forged.substr(0, forged.rfind('.')) + genuine.substr(genuine.rfind('.'));
    CHECK(refusalOf(federated.exchange(spliced)).aadsts == 50013);
  }
  SECTION("alg none and HS256") {
    for (const char* alg : {"none", "HS256", "ES256"}) {
      CAPTURE(alg);
      const std::string token = msgraph_test::compactJws(
          Json::object({{"alg", alg}, {"typ", "JWT"}}), validClaims(), "not-a-signature");
      const Refusal refusal = refusalOf(federated.exchange(token));
      CHECK(refusal.status == 401);
      CHECK(refusal.aadsts == 5002730);
    }
  }
  SECTION("an unsigned token (empty signature) is malformed") {
    const std::string token =
        msgraph_test::compactJws(Json::object({{"alg", "none"}}), validClaims(), "");
    CHECK(refusalOf(federated.exchange(token)).aadsts == 50027);
  }
  SECTION("an unknown client id") {
    const Refusal refusal =
        refusalOf(federated.exchange(sign(validClaims()), "99999999-0000-0000-0000-000000000000"));
    CHECK(refusal.status == 400);
    CHECK(refusal.error == "unauthorized_client");
    CHECK(refusal.aadsts == 700016);
  }
}

TEST_CASE(
    "an app with a certificate and a federated credential signs in with either, and a "
    "certificate assertion is never taken for a federated token",
    "[integration][federated]") {
  msgraph_test::TempDir dir;
  const msgraph_test::Key issuerKey = msgraph_test::rsaKey(2048);
  const msgraph_test::Key appKey = msgraph_test::rsaKey(2048);
  const msgraph_test::Certificate certificate =
      msgraph_test::makeCertificate(appKey.get(), "both-app");
  const std::string certificatePem = msgraph_test::certificatePem(certificate.get());
  Emulator emulator(
      {"--tenant", kTenant, "--app-cert", kApp + ":" + dir.write("app.pem", certificatePem),
       "--federated-issuer",
       kIssuer + ":" + dir.write("issuer.pem", msgraph_test::publicKeyPem(issuerKey.get())),
       "--app-federated", kApp + ":" + kIssuer + ":" + kSubject});
  // The library's certificate credential signs its own assertion (iss = sub = client id).
  msgraph::ClientCertificateCredential credential(
      kTenant, kApp,
      msgraph::ClientCertificate::fromPem(certificatePem +
                                          msgraph_test::privateKeyPem(appKey.get())),
      emulator.tokenOptions());
  CHECK_FALSE(credential.getToken({{"https://graph.microsoft.com/.default"}}, {}).token.empty());
  accessTokenOf(testing_support::requestTokenWithAssertion(
      emulator, kTenant, kApp,
      msgraph_test::signedJwt(issuerKey.get(), JwtAlgorithm::RS256, validClaims())));
  SECTION("a token of the issuer whose iss is the client id is checked as the app's own") {
    Json claims = withClaim(validClaims(), "iss", kApp);
    const Refusal refusal = refusalOf(testing_support::requestTokenWithAssertion(
        emulator, kTenant, kApp,
        msgraph_test::signedJwt(issuerKey.get(), JwtAlgorithm::RS256, claims)));
    CHECK(refusal.aadsts == 700027);  // by certificate: no x5t#S256 names one of the app
  }
}
