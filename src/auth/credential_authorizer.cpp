// SPDX-License-Identifier: MIT
#include "auth/credential_authorizer.hpp"

#include <string_view>
#include <utility>

#include "auth/bearer.hpp"

namespace msgraph::detail {

namespace {

// Like the token endpoint's cache: renew five minutes before expiry, or halfway through a
// shorter life, so a call never goes out with a token about to lapse.
std::chrono::system_clock::time_point refreshTime(const AccessToken& token,
                                                  std::chrono::system_clock::time_point now) {
  const auto margin = std::chrono::minutes(5);
  return std::max(token.expiresOn - margin, now + (token.expiresOn - now) / 2);
}

}  // namespace

CredentialAuthorizer::CredentialAuthorizer(std::shared_ptr<TokenCredential> credential,
                                           std::string scope, AsyncHttpTransport& loop)
    : credential_(std::move(credential)), tokenRequest_{{std::move(scope)}}, loop_(loop) {}

CredentialAuthorizer::~CredentialAuthorizer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

SharedToken CredentialAuthorizer::cached() {
  if (token_ == nullptr || std::chrono::system_clock::now() >= refreshAt_) return nullptr;
  return token_;
}

// Single flight: calls that ask while a fetch runs wait for that one (and its context), as the
// blocking TokenCache's waiters do.
void CredentialAuthorizer::fetch(const CallContext& context, Fetched done) {
  waiting_.push_back(std::move(done));
  if (waiting_.size() > 1) return;
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    job_ = context;
    if (!worker_.joinable()) worker_ = std::thread([this] { work(); });
  } catch (...) {  // no worker (std::thread failed): this fetch ends here, and the next tries again
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_.reset();
    }
    Fetched failed = std::move(waiting_.back());
    waiting_.pop_back();
    failed(nullptr, std::current_exception());
    return;
  }
  wake_.notify_all();
}

void CredentialAuthorizer::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || job_.has_value(); });
    if (!job_) return;  // stopping, nothing asked
    const CallContext context = std::move(*job_);
    job_.reset();
    lock.unlock();
    SharedToken token;
    std::chrono::system_clock::time_point refreshAt;
    std::exception_ptr error;
    try {
      AccessToken issued = credential_->getToken(tokenRequest_, context);
      refreshAt = refreshTime(issued, std::chrono::system_clock::now());
      token = std::make_shared<const std::string>(std::move(issued.token));
    } catch (...) {
      error = std::current_exception();
    }
    // Everything goes to the loop by move: this thread must not drop the last reference to an
    // exception the loop thread reads (libstdc++'s count is invisible to TSan, and a copy here
    // would be destroyed here).
    loop_.post([this, token = std::move(token), refreshAt, error = std::move(error)] {
      fetched(token, refreshAt, error);
    });
    lock.lock();
  }
}

void CredentialAuthorizer::fetched(SharedToken token,
                                   std::chrono::system_clock::time_point refreshAt,
                                   std::exception_ptr error) {
  if (!error) {
    token_ = token;
    refreshAt_ = refreshAt;
  }
  std::vector<Fetched> waiting;
  waiting.swap(waiting_);
  for (Fetched& done : waiting) done(token, error);
}

void CredentialAuthorizer::invalidate(const std::string& token) {
  if (token_ != nullptr && *token_ == token) token_ = nullptr;
  if (bearerFor(token)) bearer_.clear();  // a revoked secret is not kept
  credential_->invalidateToken(token);
}

bool CredentialAuthorizer::bearerFor(const std::string& token) const {
  constexpr std::string_view kScheme = "Bearer ";
  return bearer_.size() == kScheme.size() + token.size() &&
         bearer_.compare(kScheme.size(), std::string::npos, token) == 0;
}

// The header value is made (and the token checked) once per token, not once per call.
void CredentialAuthorizer::authorize(HttpRequest& request, const std::string& token) const {
  if (!bearerFor(token)) bearer_ = bearerValue(token);
  request.headers.set("Authorization", bearer_);
}

void CredentialAuthorizer::mask(HttpResponse& response, const std::string& token) const {
  maskTokenIn(response, token);
}

}  // namespace msgraph::detail
