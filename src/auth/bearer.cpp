// SPDX-License-Identifier: MIT
#include "auth/bearer.hpp"

#include "auth/authorization_policy.hpp"
#include "core/header_text.hpp"
#include "diagnostics/redaction.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

// A token is put in a header; one with line breaks would inject headers of its own.
std::string bearerValue(const std::string& token) {
  if (token.size() > kMaxAccessTokenBytes) {
    throw AuthenticationError("the credential returned an access token of " +
                              std::to_string(token.size()) + " bytes, over the limit of " +
                              std::to_string(kMaxAccessTokenBytes) + "; nothing was sent");
  }
  if (token.empty() || hasLineBreakOrNul(token)) {
    throw AuthenticationError("the credential returned an empty token or one with CR, LF or NUL");
  }
  std::string value;
  value.reserve(7 + token.size());
  return value.append("Bearer ").append(token);
}

void setBearer(HttpRequest& request, const std::string& token) {
  request.headers.set("Authorization", bearerValue(token));
}

// An error answer that quotes the token it was sent (a proxy echoing the request, a service
// quoting the header) must not carry it on into an error, a log or a terminal. No cost on the
// path that matters.
void maskTokenIn(HttpResponse& response, const std::string& token) {
  if (response.status < 400) return;
  maskSecret(response.body, token);
  HttpHeaders headers;
  headers.reserve(response.headers.size());
  for (const auto& [name, value] : response.headers) {
    std::string shown = value;
    maskSecret(shown, token);
    headers.add(name, std::move(shown));
  }
  response.headers = std::move(headers);
}

}  // namespace msgraph::detail
