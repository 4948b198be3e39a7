// SPDX-License-Identifier: MIT
#include "auth/authorization_policy.hpp"

#include "diagnostics/redaction.hpp"
#include "msgraph/error.hpp"
#include "pipeline/attempt_record.hpp"

namespace msgraph::detail {

namespace {

// A token is put in a header; one with line breaks would inject headers of its own.
std::string bearer(const std::string& token) {
  if (token.size() > kMaxAccessTokenBytes) {
    throw AuthenticationError("the credential returned an access token of " +
                              std::to_string(token.size()) + " bytes, over the limit of " +
                              std::to_string(kMaxAccessTokenBytes) + "; nothing was sent");
  }
  bool unsafe = token.empty();
  for (char c : token) unsafe = unsafe || c == '\r' || c == '\n' || c == '\0';
  if (unsafe) {
    throw AuthenticationError("the credential returned an empty token or one with CR, LF or NUL");
  }
  std::string value;
  value.reserve(7 + token.size());
  return value.append("Bearer ").append(token);
}

// An error answer that quotes the token it was sent (a proxy echoing the request, a service
// quoting the header) must not carry it on into an error, a log or a terminal. Success bodies
// are models, read field by field, and are left alone: no cost on the path that matters.
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

}  // namespace

AuthorizationPolicy::AuthorizationPolicy(std::shared_ptr<TokenCredential> credential,
                                         std::string scope)
    : credential_(std::move(credential)), tokenRequest_{{std::move(scope)}} {}

HttpResponse AuthorizationPolicy::send(HttpRequest& request, const CallContext& context,
                                       const NextPolicy& next) {
  if (credential_ == nullptr) return next.send(request, context);
  if (next.isPreview()) {
    request.headers.set("Authorization", "Bearer ***");  // no token is fetched for a preview
    return next.send(request, context);
  }
  std::string token = credential_->getToken(tokenRequest_, context).token;
  request.headers.set("Authorization", bearer(token));
  HttpResponse response = next.send(request, context);
  maskTokenIn(response, token);
  if (response.status != 401) return response;
  // The token may have been revoked or rotated early: drop it and try once with a new one.
  credential_->invalidateToken(token);
  std::string renewed = credential_->getToken(tokenRequest_, context).token;
  if (renewed == token) return response;  // nothing new to try (a fixed token)
  recordAttempt(callRecordOf(next), response.status, {},
                &response.headers);  // the retry policy sees one
  request.headers.set("Authorization", bearer(renewed));
  HttpResponse renewedResponse = next.send(request, context);
  maskTokenIn(renewedResponse, renewed);
  maskTokenIn(renewedResponse, token);
  return renewedResponse;
}

}  // namespace msgraph::detail
