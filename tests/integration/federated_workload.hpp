// SPDX-License-Identifier: MIT
#pragma once

// A Kubernetes-like workload for the emulator: an issuer's key made here with OpenSSL, the
// emulator flags that trust it for one app, and the projected service account token file that
// WorkloadIdentityCredential reads (AZURE_FEDERATED_TOKEN_FILE).
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "support/test_jwt.hpp"
#include "unit/test_certificates.hpp"

namespace testing_support {

class FederatedWorkload {
 public:
  static constexpr const char* kTenant = "contoso.onmicrosoft.com";
  static constexpr const char* kApp = "33333333-4444-5555-6666-777777777777";
  static constexpr const char* kIssuer = "https://oidc.cluster.test/tenant-1";
  static constexpr const char* kSubject = "system:serviceaccount:default:workload";

  /// The emulator flags that trust the issuer's key and give kApp a credential for kSubject.
  std::vector<std::string> emulatorFlags() const {
    return {"--federated-issuer",
            std::string(kIssuer) + ":" +
                dir_.write("issuer.pem", msgraph_test::publicKeyPem(key_.get())),
            "--app-federated", std::string(kApp) + ":" + kIssuer + ":" + kSubject};
  }

  /// A token of the issuer for `subject`, valid from a minute ago for ten minutes; `serial`
  /// makes tokens of the same second differ, as a rotated token does.
  std::string token(const std::string& subject = kSubject, int serial = 0) const {
    const msgraph::Json claims =
        msgraph::Json::object({{"iss", kIssuer},
                               {"sub", subject},
                               {"aud", "api://AzureADTokenExchange"},
                               {"jti", "token-" + std::to_string(serial)},
                               {"iat", msgraph_test::epochSeconds(std::chrono::seconds(-60))},
                               {"nbf", msgraph_test::epochSeconds(std::chrono::seconds(-60))},
                               {"exp", msgraph_test::epochSeconds(std::chrono::minutes(10))}});
    return msgraph_test::signedJwt(key_.get(), msgraph_test::JwtAlgorithm::RS256, claims);
  }

  /// Writes `token` to the token file, as the kubelet does at a rotation; returns its path.
  std::string writeTokenFile(const std::string& token) const { return dir_.write("token", token); }

  /// Where the token file is (whether or not it was written).
  std::string tokenFile() const { return dir_.path("token"); }

 private:
  msgraph_test::TempDir dir_;
  msgraph_test::Key key_ = msgraph_test::sharedRsaKey("workload identity issuer");
};

}  // namespace testing_support
