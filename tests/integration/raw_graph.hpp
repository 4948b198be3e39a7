// SPDX-License-Identifier: MIT
#pragma once

// Raw HTTP to the emulator's Graph endpoints, signed in with the registered secret: for the
// endpoints the library does not model, and for checking exact wire shapes without models in
// between.
#include <string>

#include "integration/emulator.hpp"

namespace testing_support {

class RawGraph {
 public:
  static constexpr const char* kClientRequestId = "e70c5c1b-8b47-68c0-3171-3d22f5e0bd54";

  explicit RawGraph(const Emulator& emulator)
      : RawGraph(emulator, "contoso.onmicrosoft.com", Emulator::kClientId, Emulator::kSecret) {}

  /// Signed in as the app `clientId` (registered with `secret`) in `tenant`.
  RawGraph(const Emulator& emulator, const std::string& tenant, const std::string& clientId,
           const std::string& secret)
      : baseUrl_(emulator.baseUrl()), transport_(emulator.transportOptions()) {
    msgraph::ClientSecretCredential credential(tenant, clientId, secret, emulator.tokenOptions());
    token_ = credential.getToken({{"https://graph.microsoft.com/.default"}}, {}).token;
  }

  /// Sends `method` to `path` (from the base URL on, e.g. `/v1.0/policies/...`), with a JSON
  /// `body` when one is given.
  msgraph::HttpResponse send(msgraph::HttpMethod method, const std::string& path,
                             const std::string& body = {}) {
    msgraph::HttpRequest request;
    request.method = method;
    request.url = path.rfind("https://", 0) == 0 ? path : baseUrl_ + path;
    request.headers.add("Authorization", "Bearer " + token_);
    request.headers.add("client-request-id", kClientRequestId);
    if (!body.empty()) request.headers.add("Content-Type", "application/json");
    request.body = body;
    return transport_.send(request, {});
  }

 private:
  std::string baseUrl_;
  msgraph::CurlTransport transport_;
  std::string token_;
};

}  // namespace testing_support
