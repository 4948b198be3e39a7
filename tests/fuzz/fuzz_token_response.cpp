// SPDX-License-Identifier: MIT
// The token endpoint's answer, whatever it is, gives a token or an msgraph::Error whose what()
// holds no control characters; nothing else escapes getToken.
//
// Input: byte 0 picks the status (200 mostly, or an error status); the rest is the body.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.hpp"
#include "msgraph/auth/client_secret_credential.hpp"
#include "msgraph/error.hpp"
#include "msgraph/testing/mock_transport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  constexpr int kStatuses[] = {200, 200, 200, 200, 400, 400, 401, 503};
  msgraph::HttpResponse response;
  response.status = kStatuses[data[0] % 8];
  response.headers.add("Content-Type", "application/json");
  response.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);

  msgraph::TokenCredentialOptions options;
  options.transport = std::make_shared<msgraph::testing::MockTransport>(
      [&response](const msgraph::HttpRequest&) { return response; });
  options.maxRetries = 0;  // no sleeps between attempts
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  options.clock = [now] { return now; };
  msgraph::ClientSecretCredential credential("contoso.onmicrosoft.com",
                                             "535fb089-9ff3-47b6-9bfb-4f1264799865",
                                             "sampleCredentials", options);
  try {
    const msgraph::AccessToken token = credential.getToken(
        msgraph::TokenRequestContext{{"https://graph.microsoft.com/.default"}}, {});
    msgraph_fuzz::check(response.status == 200, "a token comes only from a 200");
    msgraph_fuzz::check(!token.token.empty(), "a token is never empty");
    msgraph_fuzz::check(token.expiresOn > now, "a new token has not expired");
  } catch (const msgraph::Error& error) {
    // The message goes to logs: service text in it must not forge lines (or other controls).
    for (const char* c = error.what(); *c != '\0'; ++c) {
      msgraph_fuzz::check(static_cast<unsigned char>(*c) >= 0x20 && *c != 0x7f,
                          "what() has no control characters");
    }
  }
  return 0;
}
