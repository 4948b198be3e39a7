// SPDX-License-Identifier: MIT
#include "pipeline/async_pipeline.hpp"

#include <optional>
#include <utility>

#include "msgraph/error.hpp"
#include "pipeline/attempt_log.hpp"
#include "pipeline/attempt_record.hpp"
#include "pipeline/retry_rules.hpp"

namespace msgraph::detail {

AsyncAuthorizer::~AsyncAuthorizer() = default;
AttemptGate::~AttemptGate() = default;
AttemptCarrier::~AttemptCarrier() = default;
NotSentError::NotSentError()
    : CancelledError("not sent: the run was stopped before this request went") {}

namespace {

using std::chrono::milliseconds;

// One logical call on the loop: attempts, their authorization and logging, the waits between
// them, then `done`. Touched only on the loop thread (the cancellation callback only posts).
class AsyncCall : public std::enable_shared_from_this<AsyncCall> {
 public:
  // `perCall`: a per-call override of the client's retry options, clamped (the client's were
  // clamped once). Nothing here throws once `done` is taken.
  AsyncCall(std::shared_ptr<const AsyncPipeline> pipeline, HttpRequest request, CallContext context,
            std::optional<RetryOptions> perCall, AttemptHooks hooks, AsyncDone&& done)
      : pipeline_(std::move(pipeline)),
        request_(std::move(request)),
        context_(std::move(context)),
        gate_(std::move(hooks.gate)),
        carrier_(std::move(hooks.carrier)),
        done_(std::move(done)),
        perCall_(std::move(perCall)) {}

  // Ends the call with `error` when starting it failed (a logger, the transport or the token
  // fetch threw): `done` runs once, whatever the attempt had reached.
  void failToStart(std::exception_ptr error) { finish({}, std::move(error)); }

  // Attempt `attempt_`: alive?, Retry-Attempt, the gate, then authorization and the transfer.
  void attempt() {
    try {
      checkAlive(context_);
    } catch (...) {
      return finish({}, std::current_exception());
    }
    markAttempt(request_, attempt_, pipeline_->style());
    renewed_ = false;
    if (gate_ == nullptr) return authorizeAndSend();
    gate_->admit(request_, [self = shared_from_this()](std::uint64_t pass) {
      if (pass == AttemptGate::kRefused) {
        return self->finish({}, std::make_exception_ptr(NotSentError()));
      }
      self->pass_ = pass;
      try {
        checkAlive(self->context_);  // it may have been stopped while it waited
      } catch (...) {
        return self->finish({}, std::current_exception());
      }
      self->authorizeAndSend();
    });
  }

 private:
  void authorizeAndSend() {
    AsyncAuthorizer* authorizer = pipeline_->authorizer();
    if (authorizer == nullptr || carrier_ != nullptr) return transfer();
    if (SharedToken token = authorizer->cached()) return sendWith(std::move(token));
    authorizer->fetch(context_,
                      [self = shared_from_this()](SharedToken token, std::exception_ptr error) {
                        if (error) return self->finish({}, std::move(error));
                        self->sendWith(std::move(token));
                      });
  }

  // Tells the gate how the admitted attempt ended (once; a 401's resend is not admitted again).
  void leaveGate(const HttpResponse* response) {
    if (pass_ == 0) return;
    const std::uint64_t pass = pass_;
    pass_ = 0;
    gate_->ended(pass, response);
  }

  const RetryOptions& options() const { return perCall_ ? *perCall_ : pipeline_->retry(); }

  void sendWith(SharedToken token) {
    try {
      pipeline_->authorizer()->authorize(request_, *token);
    } catch (...) {
      return finish({}, std::current_exception());
    }
    token_ = std::move(token);
    transfer();
  }

  void transfer() {
    log_ = AttemptLog(pipeline_->log(), request_);
    auto completion = [self = shared_from_this()](HttpResponse response, std::exception_ptr error) {
      if (error) return self->failed(std::move(error));
      self->answered(std::move(response));
    };
    if (carrier_ != nullptr) return carrier_->carry(request_, context_, std::move(completion));
    pipeline_->transport().start(request_, context_, std::move(completion));
  }

  // No response: a TransportError may be retried; cancellation and deadlines end the call.
  void failed(std::exception_ptr error) {
    leaveGate(nullptr);
    try {
      std::rethrow_exception(error);
    } catch (const NotSentError&) {  // dropped by the carrier: as a refusal at the gate
    } catch (const TransportError& failure) {
      log_.failed(failure);
      recordAttempt(record_, 0, failure.what(), nullptr);
      const RetryPlan plan =
          planRetry(options(), pipeline_->style(), request_, attempt_, nullptr, &failure, record_);
      if (plan.retry) return wait(plan);
    } catch (const Error& failure) {  // CancelledError, DeadlineExceededError: still an attempt
      log_.failed(failure);
      recordAttempt(record_, 0, failure.what(), nullptr);
    } catch (...) {
    }
    finish({}, std::move(error));
  }

  void answered(HttpResponse response) {
    leaveGate(&response);
    log_.answered(response);
    AsyncAuthorizer* authorizer = pipeline_->authorizer();
    if (token_ != nullptr) {
      authorizer->mask(response, *token_);
      if (firstToken_ != nullptr) authorizer->mask(response, *firstToken_);
    }
    conclude(std::move(response));
  }

  // What the answer means: a 401 renews the token once, an error status may be retried.
  void conclude(HttpResponse response) {
    if (response.status == 401 && token_ != nullptr && !renewed_) return renew(std::move(response));
    recordAttempt(record_, response.status, {}, &response.headers);
    if (response.status < 400) return finish(std::move(response), nullptr);
    const RetryPlan plan =
        planRetry(options(), pipeline_->style(), request_, attempt_, &response, nullptr, record_);
    if (!plan.retry) return finish(std::move(response), nullptr);
    wait(plan);
  }

  // The token may have been revoked or rotated early: drop it and try once with a new one, as
  // the blocking AuthorizationPolicy does; the 401 stays on the record.
  void renew(HttpResponse refused) {
    renewed_ = true;
    AsyncAuthorizer* authorizer = pipeline_->authorizer();
    authorizer->invalidate(*token_);
    auto self = shared_from_this();
    auto resend = [self, refused = std::move(refused)](SharedToken token,
                                                       std::exception_ptr error) mutable {
      if (error) return self->finish({}, std::move(error));
      if (*token == *self->token_) return self->conclude(std::move(refused));  // nothing new
      recordAttempt(self->record_, refused.status, {}, &refused.headers);
      self->firstToken_ = self->token_;
      self->sendWith(std::move(token));
    };
    if (SharedToken token = authorizer->cached()) return resend(std::move(token), nullptr);
    authorizer->fetch(context_, std::move(resend));
  }

  // A wait of the loop (a timer), cut short by cancellation.
  void wait(const RetryPlan& plan) {
    try {
      beginWait(options(), context_, record_, plan, pipeline_->style(), attempt_ + 2);
    } catch (...) {
      return finish({}, std::current_exception());
    }
    ++attempt_;
    AsyncHttpTransport& transport = pipeline_->transport();
    waitStart_ = CallContext::Clock::now();
    timer_ = transport.schedule(plan.delay, [self = shared_from_this()] {
      self->timer_ = 0;
      self->waitCancelled_ = {};
      self->attempt();
    });
    if (!context_.cancellation()) return;
    waitCancelled_ = context_.cancellation()->subscribe([&transport, self = weak_from_this()] {
      transport.post([self] {
        if (auto call = self.lock()) call->stopWaiting();
      });
    });
  }

  void stopWaiting() {
    if (timer_ == 0 || !pipeline_->transport().cancelTimer(timer_)) return;  // fired meanwhile
    timer_ = 0;
    recordWait(record_,
               std::chrono::duration_cast<milliseconds>(CallContext::Clock::now() - waitStart_));
    finish({}, std::make_exception_ptr(CancelledError(
                   "the call was cancelled while waiting to retry " + pipeline_->style().subject)));
  }

  void finish(HttpResponse response, std::exception_ptr error) {
    leaveGate(nullptr);  // admitted, then refused before the transfer (token, cancellation)
    waitCancelled_ = {};
    AsyncDone done = std::move(done_);
    done_ = nullptr;
    if (done) done(std::move(response), std::move(error), record_);
  }

  std::shared_ptr<const AsyncPipeline> pipeline_;
  HttpRequest request_;
  CallContext context_;
  std::shared_ptr<AttemptGate> gate_;
  std::shared_ptr<AttemptCarrier> carrier_;  // carries the transfers, if set
  std::uint64_t pass_ = 0;                   // the gate's pass of the attempt in flight; 0: none
  AsyncDone done_;
  std::optional<RetryOptions> perCall_;
  CallRecord record_;
  int attempt_ = 0;
  SharedToken token_;       // sent on the current attempt
  SharedToken firstToken_;  // the one refused with 401, masked too
  bool renewed_ = false;
  AttemptLog log_;
  AsyncHttpTransport::TimerId timer_ = 0;
  CallContext::Clock::time_point waitStart_;
  CancellationToken::Subscription waitCancelled_;
};

}  // namespace

AsyncPipeline::AsyncPipeline(std::shared_ptr<AsyncHttpTransport> transport,
                             const std::string& applicationId, RetryOptions retry, RetryStyle style,
                             LogSink log, std::unique_ptr<AsyncAuthorizer> authorizer)
    : transport_(std::move(transport)),
      userAgent_(applicationId),
      retry_(clampedRetryOptions(std::move(retry))),
      style_(std::move(style)),
      log_(std::move(log)),
      authorizer_(std::move(authorizer)) {}

AsyncPipeline::~AsyncPipeline() {
  authorizer_.reset();  // joins its worker, which posts to the transport
  if (transport_ != nullptr && transport_->isLoopThread()) {
    std::thread([transport = std::move(transport_)]() mutable { transport.reset(); }).detach();
  }
}

void AsyncPipeline::send(HttpRequest request, CallContext context,
                         const RetryOptions* retryOverride, AttemptHooks hooks,
                         AsyncDone&& done) const {
  // The steps before the retry loop run once per logical call, here on the caller's thread.
  ClientRequestIdPolicy::apply(request);
  userAgent_.apply(request);
  std::optional<RetryOptions> perCall;
  if (retryOverride != nullptr) perCall = clampedRetryOptions(*retryOverride);
  auto call =
      std::make_shared<AsyncCall>(shared_from_this(), std::move(request), std::move(context),
                                  std::move(perCall), std::move(hooks), std::move(done));
  // `done` is the call's now: whatever fails from here ends the call through it.
  try {
    if (transport_->isLoopThread()) return call->attempt();
    transport_->post([call] { call->attempt(); });
  } catch (...) {
    call->failToStart(std::current_exception());
  }
}

void LazyAsyncPipeline::make() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (pipeline_ != nullptr) return;
  pipeline_ = factory_();
  ready_.store(pipeline_.get(), std::memory_order_release);
}

}  // namespace msgraph::detail
