// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "auth/token_answer.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_transport.hpp"
#include "msgraph/pipeline/http_policy.hpp"
#include "msgraph/pipeline/retry_options.hpp"
#include "pipeline/builtin_policies.hpp"
#include "pipeline/call_record.hpp"

namespace msgraph::detail {

/// The small pipeline every token request goes through, whoever issues the token (the identity
/// platform, a managed identity endpoint): the library's one retry policy with the issuer's
/// rule and backoff, an optional per-request policy (a form built anew per attempt), the
/// logging policy with the credential's logger, then the transport.
class TokenPipeline {
 public:
  /// `retry` says what is retried (its sleeper is taken from `options`); `transport` null means
  /// a CurlTransport from `options.transportOptions`. `subject` names the request in retry logs
  /// and errors ("the token request").
  TokenPipeline(RetryOptions retry, Backoff backoff, const char* subject,
                const TokenCredentialOptions& options, std::shared_ptr<HttpTransport> transport);

  /// Sends `request`. Answers of any status come back; a request that got no answer throws
  /// AuthenticationError("<unreachable>: <why>") carrying the TransportError. Every Error
  /// thrown from here, or by `read` (given each answer), carries the request's attempts.
  template <typename Read>
  auto send(HttpRequest& request, std::shared_ptr<HttpPolicy> perRequest,
            const CallContext& context, const char* unreachable, Read&& read) const {
    CallRecord record;
    try {
      return read(sendRecorded(request, std::move(perRequest), context, record, unreachable));
    } catch (Error& error) {
      error.attempts(std::move(record.attempts));
      throw;
    }
  }

 private:
  HttpResponse sendRecorded(HttpRequest& request, std::shared_ptr<HttpPolicy> perRequest,
                            const CallContext& context, CallRecord& record,
                            const char* unreachable) const;

  std::shared_ptr<HttpTransport> transport_;
  std::shared_ptr<HttpPolicy> retry_;
  std::shared_ptr<HttpPolicy> logging_;
};

}  // namespace msgraph::detail
