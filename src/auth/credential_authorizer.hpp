// SPDX-License-Identifier: MIT
#pragma once

// The authorization step of async calls over a TokenCredential, whose getToken blocks: a fresh
// token is reused on the loop without asking the credential; a fetch runs on one worker thread
// of its own, one at a time, and its outcome is handed to every call that waited for it.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "msgraph/auth/token_credential.hpp"
#include "pipeline/async_pipeline.hpp"

namespace msgraph::detail {

class CredentialAuthorizer final : public AsyncAuthorizer {
 public:
  /// `loop` receives the fetched tokens; it must outlive this authorizer.
  CredentialAuthorizer(std::shared_ptr<TokenCredential> credential, std::string scope,
                       AsyncHttpTransport& loop);
  /// Joins the worker (after the fetch it runs, if any).
  ~CredentialAuthorizer() override;

  SharedToken cached() override;
  void fetch(const CallContext& context, Fetched done) override;
  void invalidate(const std::string& token) override;
  void authorize(HttpRequest& request, const std::string& token) const override;
  void mask(HttpResponse& response, const std::string& token) const override;

 private:
  // Whether bearer_ holds `token` (an empty token never gets there: bearerValue refuses it).
  bool bearerFor(const std::string& token) const;
  void work();
  void fetched(SharedToken token, std::chrono::system_clock::time_point refreshAt,
               std::exception_ptr error);

  const std::shared_ptr<TokenCredential> credential_;
  const TokenRequestContext tokenRequest_;
  AsyncHttpTransport& loop_;
  // Loop thread only.
  SharedToken token_;
  std::chrono::system_clock::time_point refreshAt_;
  std::vector<Fetched> waiting_;
  mutable std::string bearer_;  // "Bearer <token>" for the last token authorized, or empty
  // Shared with the worker.
  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<CallContext> job_;  // the context of the fetch to run
  bool stopping_ = false;
  std::thread worker_;  // started on the first fetch
};

}  // namespace msgraph::detail
