// SPDX-License-Identifier: MIT
#include "auth/authorization_policy.hpp"

#include "auth/bearer.hpp"
#include "msgraph/error.hpp"
#include "pipeline/attempt_record.hpp"

namespace msgraph::detail {

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
  setBearer(request, token);
  HttpResponse response = next.send(request, context);
  maskTokenIn(response, token);
  if (response.status != 401) return response;
  // The token may have been revoked or rotated early: drop it and try once with a new one.
  credential_->invalidateToken(token);
  std::string renewed = credential_->getToken(tokenRequest_, context).token;
  if (renewed == token) return response;  // nothing new to try (a fixed token)
  recordAttempt(callRecordOf(next), response.status, {},
                &response.headers);  // the retry policy sees one
  setBearer(request, renewed);
  HttpResponse renewedResponse = next.send(request, context);
  maskTokenIn(renewedResponse, renewed);
  maskTokenIn(renewedResponse, token);
  return renewedResponse;
}

}  // namespace msgraph::detail
