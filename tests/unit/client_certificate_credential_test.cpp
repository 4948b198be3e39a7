// SPDX-License-Identifier: MIT
// ClientCertificate (loading PEM and PFX) and ClientCertificateCredential against the mock token
// endpoint. The client assertion is checked with an independent JWT decoder and OpenSSL's verify
// API.
#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "msgraph/auth/client_certificate_credential.hpp"
#include "unit/credential_test_support.hpp"
#include "unit/test_certificates.hpp"

using namespace msgraph_test::credentials;
using msgraph::ClientCertificate;
using msgraph::ClientCertificateCredential;

namespace {

constexpr const char* kJwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

// --- JWT, decoded independently of the library -------------------------------------------------

struct Jwt {
  Json header;
  Json claims;
  std::string signingInput;
  std::string signature;
};

Jwt decodeJwt(const std::string& token) {
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  REQUIRE(token.find('.', second + 1) == std::string::npos);
  Jwt jwt;
  jwt.header = Json::parse(msgraph_test::base64UrlDecode(token.substr(0, first)));
  jwt.claims =
      Json::parse(msgraph_test::base64UrlDecode(token.substr(first + 1, second - first - 1)));
  jwt.signingInput = token.substr(0, second);
  jwt.signature = msgraph_test::base64UrlDecode(token.substr(second + 1));
  REQUIRE(jwt.header.isObject());
  REQUIRE(jwt.claims.isObject());
  return jwt;
}

std::string text(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  REQUIRE(value != nullptr);
  REQUIRE(value->isString());
  return value->asString();
}

std::int64_t integer(const Json& object, std::string_view key) {
  const Json* value = object.find(key);
  REQUIRE(value != nullptr);
  if (value->type() == Json::Type::UInt) return static_cast<std::int64_t>(value->asUInt());
  REQUIRE(value->type() == Json::Type::Int);
  return value->asInt();
}

bool isUuid(const std::string& value) {
  static const std::regex uuid(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  return std::regex_match(value, uuid);
}

// --- certificates ------------------------------------------------------------------------------

// An RSA key and a self-signed certificate for it.
struct TestCertificate {
  explicit TestCertificate(unsigned int bits = 2048)
      : key(msgraph_test::rsaKey(bits)),
        cert(msgraph_test::makeCertificate(key.get(), "msgraph")) {}
  explicit TestCertificate(msgraph_test::Key ownKey)
      : key(std::move(ownKey)), cert(msgraph_test::makeCertificate(key.get(), "msgraph")) {}

  std::string certificatePem() const { return msgraph_test::certificatePem(cert.get()); }
  std::string keyPem(const std::string& password = {}) const {
    return msgraph_test::privateKeyPem(key.get(), password);
  }
  std::string pem() const { return certificatePem() + keyPem(); }
  std::string der() const { return msgraph_test::der(cert.get()); }
  ClientCertificate load() const { return ClientCertificate::fromPem(pem()); }

  msgraph_test::Key key;
  msgraph_test::Certificate cert;
};

// Key generation is the slow part: the tests that only need some valid certificate share one.
const TestCertificate& sharedCertificate() {
  static const TestCertificate certificate;
  return certificate;
}

ClientCertificateCredential certificateCredential(const MockTokenEndpoint& endpoint,
                                                  msgraph::ClientCertificateOptions options = {},
                                                  Cloud cloud = Cloud::Global) {
  return ClientCertificateCredential(kTenant, kClientId, sharedCertificate().load(),
                                     endpoint.options(cloud), options);
}

// Gets a token through `credential` and returns the assertion the token request carried.
std::string sentAssertion(const MockTokenEndpoint& endpoint, msgraph::TokenCredential& credential) {
  endpoint.mock->clearRequests();
  fetch(credential);
  REQUIRE(endpoint.mock->requestCount() == 1);
  const auto fields = form(endpoint.mock->lastRequest());
  REQUIRE(fields.count("client_assertion") == 1);
  return fields.at("client_assertion");
}

}  // namespace

// === ClientCertificate ==========================================================================

TEST_CASE("ClientCertificate loads PEM text with the certificate and its key", "[auth]") {
  const auto& test = sharedCertificate();
  const std::string thumbprint =
      msgraph_test::base64Encode(msgraph_test::digest(EVP_sha256(), test.der()), true);
  CHECK(thumbprint.size() == 43);

  SECTION("certificate first") {
    CHECK(ClientCertificate::fromPem(test.certificatePem() + test.keyPem()).thumbprintSha256() ==
          thumbprint);
  }
  SECTION("key first") {
    CHECK(ClientCertificate::fromPem(test.keyPem() + test.certificatePem()).thumbprintSha256() ==
          thumbprint);
  }
  SECTION("a certificate without its key is refused") {
    const auto error =
        authenticationErrorFrom([&] { ClientCertificate::fromPem(test.certificatePem()); });
    CHECK(contains(error.what(), "key"));
  }
  SECTION("a key without a certificate is refused") {
    CHECK_THROWS_AS(ClientCertificate::fromPem(test.keyPem()), AuthenticationError);
  }
}

TEST_CASE("ClientCertificate loads PEM and PFX files, encrypted ones with their password",
          "[auth]") {
  const auto& test = sharedCertificate();
  const std::string thumbprint =
      msgraph_test::base64Encode(msgraph_test::digest(EVP_sha256(), test.der()), true);
  const msgraph_test::TempDir dir;
  const std::string password = "pa$$ word-\xC3\xA9";

  SECTION("plain PEM file") {
    const std::string path = dir.write("cert.pem", test.pem());
    CHECK(ClientCertificate::fromPemFile(path).thumbprintSha256() == thumbprint);
  }
  SECTION("missing file") {
    CHECK_THROWS_AS(ClientCertificate::fromPemFile(dir.path("missing.pem")), AuthenticationError);
  }
  SECTION("PEM with an AES-256-CBC encrypted key") {
    const std::string pem = test.certificatePem() + test.keyPem(password);
    REQUIRE(contains(pem, "ENCRYPTED PRIVATE KEY"));
    const std::string path = dir.write("encrypted.pem", pem);
    CHECK(ClientCertificate::fromPemFile(path, password).thumbprintSha256() == thumbprint);
    CHECK(ClientCertificate::fromPem(pem, password).thumbprintSha256() == thumbprint);
    for (const std::string& wrong : {std::string("wrong password"), std::string()}) {
      CAPTURE(wrong);
      const auto error =
          authenticationErrorFrom([&] { ClientCertificate::fromPemFile(path, wrong); });
      CHECK_FALSE(contains(error.what(), "BEGIN"));
      if (!wrong.empty()) CHECK_FALSE(contains(error.what(), wrong));
    }
  }
  SECTION("PFX (PKCS#12)") {
    const std::string path =
        dir.write("cert.pfx", msgraph_test::pfx(test.key.get(), test.cert.get(), password));
    CHECK(ClientCertificate::fromPfxFile(path, password).thumbprintSha256() == thumbprint);
    const auto error = authenticationErrorFrom(
        [&] { ClientCertificate::fromPfxFile(path, "not-the-pfx-password-42"); });
    CHECK_FALSE(contains(error.what(), "not-the-pfx-password-42"));
    CHECK_THROWS_AS(ClientCertificate::fromPfxFile(dir.write("not.pfx", "garbage"), password),
                    AuthenticationError);
  }
  SECTION("PFX with an empty password") {
    const std::string path =
        dir.write("open.pfx", msgraph_test::pfx(test.key.get(), test.cert.get(), ""));
    CHECK(ClientCertificate::fromPfxFile(path, "").thumbprintSha256() == thumbprint);
  }
  SECTION("traditional PKCS#1 key (BEGIN RSA PRIVATE KEY), plain and encrypted") {
    const std::string plain = msgraph_test::traditionalKeyPem(test.key.get());
    REQUIRE(contains(plain, "BEGIN RSA PRIVATE KEY"));
    CHECK(ClientCertificate::fromPem(test.certificatePem() + plain).thumbprintSha256() ==
          thumbprint);
    const std::string encrypted = msgraph_test::traditionalKeyPem(test.key.get(), password);
    REQUIRE(contains(encrypted, "DEK-Info"));
    CHECK(ClientCertificate::fromPem(test.certificatePem() + encrypted, password)
              .thumbprintSha256() == thumbprint);
    CHECK_THROWS_AS(ClientCertificate::fromPem(test.certificatePem() + encrypted, "wrong"),
                    AuthenticationError);
  }
}

TEST_CASE("ClientCertificate refuses keys other than RSA of 2048 bits or more", "[auth]") {
  const msgraph_test::TempDir dir;
  SECTION("RSA 1024") {
    const TestCertificate weak(1024);
    for (const auto& load : std::vector<std::function<void()>>{
             [&] { ClientCertificate::fromPem(weak.pem()); },
             [&] {
               ClientCertificate::fromPfxFile(
                   dir.write("weak.pfx", msgraph_test::pfx(weak.key.get(), weak.cert.get(), "pw")),
                   "pw");
             }}) {
      const auto error = authenticationErrorFrom(load);
      CHECK(contains(error.what(), "2048"));
    }
  }
  SECTION("EC P-256") {
    const TestCertificate ec(msgraph_test::ecP256Key());
    const auto error = authenticationErrorFrom([&] { ClientCertificate::fromPem(ec.pem()); });
    CHECK(contains(error.what(), "RSA"));
  }
  SECTION("RSA 2048 is accepted, 3072 too") { CHECK_NOTHROW(TestCertificate(3072).load()); }
}

TEST_CASE("ClientCertificate refuses a key that does not belong to the certificate", "[auth]") {
  const auto& test = sharedCertificate();
  const msgraph_test::Key other = msgraph_test::rsaKey(2048);
  const auto error = authenticationErrorFrom([&] {
    ClientCertificate::fromPem(test.certificatePem() + msgraph_test::privateKeyPem(other.get()));
  });
  CHECK(contains(error.what(), "certificate"));
}

TEST_CASE("a moved-from certificate is refused, not dereferenced", "[auth]") {
  auto certificate = sharedCertificate().load();
  ClientCertificate moved = std::move(certificate);
  CHECK_THROWS_AS(certificate.thumbprintSha256(),
                  msgraph::ValidationError);  // NOLINT(bugprone-use-after-move)
  CHECK_THROWS_AS(ClientCertificateCredential(kTenant, kClientId, std::move(certificate)),
                  msgraph::ValidationError);
}

// === ClientCertificateCredential and its assertion ===============================================

TEST_CASE("ClientCertificateCredential sends a PS256 assertion that verifies", "[auth]") {
  const auto& test = sharedCertificate();
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto credential = certificateCredential(endpoint);

  CHECK(fetch(credential).token == "token-1");
  REQUIRE(endpoint.mock->requestCount() == 1);
  const HttpRequest request = endpoint.mock->lastRequest();
  CHECK(request.url == kGlobalTokenUrl);
  CHECK(request.headers.get("Content-Type") == "application/x-www-form-urlencoded");
  const auto fields = form(request);
  CHECK(fields.at("grant_type") == "client_credentials");
  CHECK(fields.at("client_id") == kClientId);
  CHECK(fields.at("scope") == kGraphScope);
  CHECK(fields.at("client_assertion_type") == kJwtBearer);
  CHECK(fields.count("client_secret") == 0);
  CHECK(fields.size() == 5);

  const Jwt jwt = decodeJwt(fields.at("client_assertion"));
  CHECK(text(jwt.header, "alg") == "PS256");
  CHECK(text(jwt.header, "typ") == "JWT");
  CHECK(text(jwt.header, "x5t#S256") ==
        msgraph_test::base64Encode(msgraph_test::digest(EVP_sha256(), test.der()), true));
  CHECK(text(jwt.header, "x5t#S256") == test.load().thumbprintSha256());
  CHECK(jwt.header.find("x5t") == nullptr);
  CHECK(jwt.header.find("x5c") == nullptr);

  CHECK(text(jwt.claims, "aud") == kGlobalTokenUrl);
  CHECK(text(jwt.claims, "iss") == kClientId);
  CHECK(text(jwt.claims, "sub") == kClientId);
  CHECK(isUuid(text(jwt.claims, "jti")));
  CHECK(integer(jwt.claims, "nbf") == endpoint.clock.seconds());
  CHECK(integer(jwt.claims, "iat") == endpoint.clock.seconds());
  CHECK(integer(jwt.claims, "exp") == endpoint.clock.seconds() + 600);

  CHECK(jwt.signature.size() == 256);
  CHECK(msgraph_test::verifySignature(test.cert.get(), true, jwt.signingInput, jwt.signature));
  // The verifier really checks: PKCS#1 v1.5 and a changed payload do not verify.
  CHECK_FALSE(
      msgraph_test::verifySignature(test.cert.get(), false, jwt.signingInput, jwt.signature));
  std::string tampered = jwt.signingInput;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  CHECK_FALSE(msgraph_test::verifySignature(test.cert.get(), true, tampered, jwt.signature));
}

TEST_CASE("ClientCertificateCredential signs RS256 with the SHA-1 x5t when asked", "[auth]") {
  const auto& test = sharedCertificate();
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  msgraph::ClientCertificateOptions options;
  options.algorithm = msgraph::AssertionAlgorithm::RS256;
  auto credential = certificateCredential(endpoint, options);

  const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
  CHECK(text(jwt.header, "alg") == "RS256");
  CHECK(text(jwt.header, "typ") == "JWT");
  CHECK(text(jwt.header, "x5t") ==
        msgraph_test::base64Encode(msgraph_test::digest(EVP_sha1(), test.der()), true));
  CHECK(text(jwt.header, "x5t#S256") == test.load().thumbprintSha256());
  CHECK(msgraph_test::verifySignature(test.cert.get(), false, jwt.signingInput, jwt.signature));
  CHECK_FALSE(
      msgraph_test::verifySignature(test.cert.get(), true, jwt.signingInput, jwt.signature));
}

TEST_CASE("ClientCertificateCredential sends the certificate chain (x5c) when asked", "[auth]") {
  msgraph::ClientCertificateOptions options;
  options.sendCertificateChain = true;

  SECTION("a self-signed certificate: x5c holds it alone") {
    MockTokenEndpoint endpoint;
    endpoint.issueNumberedTokens();
    auto credential = certificateCredential(endpoint, options);
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    const Json* x5c = jwt.header.find("x5c");
    REQUIRE(x5c != nullptr);
    REQUIRE(x5c->isArray());
    REQUIRE(x5c->asArray().size() == 1);
    CHECK(x5c->asArray()[0].asString() ==
          msgraph_test::base64Encode(sharedCertificate().der(), false));
  }
  SECTION("a certificate issued by a CA: leaf first, then the issuer") {
    const TestCertificate ca;
    const msgraph_test::Key leafKey = msgraph_test::rsaKey(2048);
    const msgraph_test::Certificate leaf =
        msgraph_test::makeCertificate(leafKey.get(), "leaf", ca.cert.get(), ca.key.get());
    const std::string pem = msgraph_test::certificatePem(leaf.get()) +
                            msgraph_test::privateKeyPem(leafKey.get()) + ca.certificatePem();
    MockTokenEndpoint endpoint;
    endpoint.issueNumberedTokens();
    ClientCertificateCredential credential(kTenant, kClientId, ClientCertificate::fromPem(pem),
                                           endpoint.options(), options);
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    const Json* x5c = jwt.header.find("x5c");
    REQUIRE(x5c != nullptr);
    REQUIRE(x5c->asArray().size() == 2);
    CHECK(x5c->asArray()[0].asString() ==
          msgraph_test::base64Encode(msgraph_test::der(leaf.get()), false));
    CHECK(x5c->asArray()[1].asString() == msgraph_test::base64Encode(ca.der(), false));
    CHECK(msgraph_test::verifySignature(leaf.get(), true, jwt.signingInput, jwt.signature));
  }
}

TEST_CASE("each token request carries a fresh assertion dated by the clock", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  auto credential = certificateCredential(endpoint);

  const Jwt first = decodeJwt(sentAssertion(endpoint, credential));
  endpoint.clock.advance(3299s);  // past expiry minus the 5-minute margin: refreshed
  const Jwt second = decodeJwt(sentAssertion(endpoint, credential));

  CHECK(isUuid(text(second.claims, "jti")));
  CHECK(text(first.claims, "jti") != text(second.claims, "jti"));
  CHECK(integer(second.claims, "nbf") == integer(first.claims, "nbf") + 3299);
  CHECK(integer(second.claims, "iat") == endpoint.clock.seconds());
  CHECK(integer(second.claims, "exp") == endpoint.clock.seconds() + 600);
  CHECK(fetch(credential).token == "token-2");
  CHECK(endpoint.mock->requestCount() == 1);  // cached again
}

// An endpoint that enforces jti uniqueness would refuse a replayed assertion.
TEST_CASE("a retried token request carries a new assertion (jti not replayed)", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.mock->enqueue(503, "").enqueue(200, tokenBody("after-retry"));
  auto credential = certificateCredential(endpoint);
  CHECK(fetch(credential).token == "after-retry");
  const auto requests = endpoint.mock->requests();
  REQUIRE(requests.size() == 2);
  const Jwt first = decodeJwt(form(requests[0]).at("client_assertion"));
  const Jwt second = decodeJwt(form(requests[1]).at("client_assertion"));
  CHECK(text(first.claims, "jti") != text(second.claims, "jti"));
}

TEST_CASE("the assertion's audience is the chosen cloud's token URL", "[auth]") {
  MockTokenEndpoint endpoint;
  endpoint.issueNumberedTokens();
  SECTION("national cloud") {
    auto credential = certificateCredential(endpoint, {}, Cloud::UsGov);
    const std::string url =
        "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token";
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    CHECK(text(jwt.claims, "aud") == url);
    CHECK(endpoint.mock->lastRequest().url == url);
  }
  SECTION("custom authority (emulator)") {
    auto options = endpoint.options();
    options.authorityHost = "https://127.0.0.1:8443";
    ClientCertificateCredential credential(kTenant, kClientId, sharedCertificate().load(), options);
    const Jwt jwt = decodeJwt(sentAssertion(endpoint, credential));
    CHECK(text(jwt.claims, "aud") ==
          "https://127.0.0.1:8443/contoso.onmicrosoft.com/oauth2/v2.0/token");
  }
}

TEST_CASE("neither the assertion nor key material appears in an AuthenticationError", "[auth]") {
  const auto& test = sharedCertificate();
  MockTokenEndpoint endpoint;
  endpoint.mock->handler([](const HttpRequest&) {
    return response(
        401, errorBody("invalid_client",
                       "AADSTS700027: Client assertion failed signature validation.", {700027}));
  });
  auto credential = certificateCredential(endpoint);
  const auto error = authenticationErrorFrom([&] { fetch(credential); });
  CHECK(error.error() == "invalid_client");
  CHECK(error.aadsts() == "AADSTS700027");

  REQUIRE(endpoint.mock->requestCount() == 1);
  const std::string assertion = form(endpoint.mock->lastRequest()).at("client_assertion");
  const std::string what = error.what();
  CHECK(contains(what, "AADSTS700027"));
  CHECK_FALSE(contains(what, assertion));
  for (std::size_t dot = 0, start = 0; dot != std::string::npos; start = dot + 1) {
    dot = assertion.find('.', start);
    CHECK_FALSE(contains(what, assertion.substr(start, dot - start)));  // no JWT segment
  }
  const std::string keyPem = test.keyPem();
  for (std::size_t start = 0, end = 0; start < keyPem.size(); start = end + 1) {
    end = std::min(keyPem.find('\n', start), keyPem.size());
    const std::string line = keyPem.substr(start, end - start);
    if (!line.empty() && line[0] != '-') CHECK_FALSE(contains(what, line));
  }
  CHECK_FALSE(contains(what, "PRIVATE KEY"));
}

TEST_CASE("ClientCertificateCredential refuses empty or control-character arguments", "[auth]") {
  MockTokenEndpoint endpoint;
  struct Case {
    std::string tenant, clientId, field;
  };
  const Case c = GENERATE(values<Case>({
      {"", kClientId, "tenantId"},
      {kTenant, "", "clientId"},
      {"contoso\t", kClientId, "tenantId"},
      {kTenant, "id\n", "clientId"},
  }));
  CAPTURE(c.field);
  const auto error = validationErrorFrom([&] {
    ClientCertificateCredential(c.tenant, c.clientId, sharedCertificate().load(),
                                endpoint.options());
  });
  CHECK(error.field() == c.field);
  CHECK(endpoint.mock->requestCount() == 0);
}
