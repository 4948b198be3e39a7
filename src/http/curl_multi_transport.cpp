// SPDX-License-Identifier: MIT
#include "msgraph/http/curl_multi_transport.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "http/curl_handle_config.hpp"
#include "http/curl_transfer.hpp"
#include "http/loop_timers.hpp"
#include "msgraph/error.hpp"

namespace msgraph {

namespace {

using Clock = std::chrono::steady_clock;
using detail::setOption;

// The loop whose thread is running, so that a transport knows its own thread without a race on
// the std::thread object.
thread_local const void* runningLoop = nullptr;

}  // namespace

class CurlMultiTransport::Loop {
  // Members of the loop, not of an unnamed namespace: its class has external linkage.
  struct MultiDeleter {
    void operator()(CURLM* multi) const noexcept { curl_multi_cleanup(multi); }
  };
  struct ShareDeleter {
    void operator()(CURLSH* share) const noexcept { curl_share_cleanup(share); }
  };

  // One easy handle with the request it carries. Kept and reused after its transfer, so a
  // steady stream of requests allocates nothing here.
  struct Transfer {
    std::unique_ptr<detail::PooledHandle> handle;
    const HttpRequest* request = nullptr;
    const CallContext* context = nullptr;
    AsyncHttpTransport::Completion done;
    detail::AttemptTimeout timeout;
    CancellationToken::Subscription cancelled;
  };

 public:
  explicit Loop(CurlMultiTransportOptions options)
      : options_(std::move(options)), multi_(curl_multi_init()), share_(curl_share_init()) {
    if (!multi_ || !share_) {
      throw TransportError(TransportError::Kind::Other, "cannot create a libcurl multi handle");
    }
    curl_multi_setopt(multi_.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    curl_multi_setopt(multi_.get(), CURLMOPT_MAX_HOST_CONNECTIONS, options_.maxConnectionsPerHost);
    // One thread uses the share, so it needs no lock functions.
    curl_share_setopt(share_.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }

  const CurlMultiTransportOptions& options() const noexcept { return options_; }
  bool isLoopThread() const noexcept { return runningLoop == this; }

  void start(const HttpRequest& request, const CallContext& context, Completion done) {
    std::unique_ptr<Transfer> transfer = takeIdle();
    transfer->request = &request;
    transfer->context = &context;
    transfer->done = std::move(done);
    try {
      if (stopping_) throw CancelledError("the transport was shut down before the request went");
      detail::refuseUnverifiedRemote(options_, request);
      transfer->timeout =
          detail::prepareTransfer(*transfer->handle, request, context, options_, false);
    } catch (...) {
      failLater(std::move(transfer), std::current_exception());
      return;
    }
    if (context.cancellation()) {
      // The callback runs on the cancelling thread: it only wakes the loop, which looks.
      transfer->cancelled = context.cancellation()->subscribe([this] {
        cancelRequested_ = true;
        curl_multi_wakeup(multi_.get());
      });
    }
    const CURLMcode rc = curl_multi_add_handle(multi_.get(), transfer->handle->easy.get());
    if (rc != CURLM_OK) {
      failLater(std::move(transfer),
                std::make_exception_ptr(TransportError(
                    TransportError::Kind::Other,
                    std::string("cannot start the transfer: ") + curl_multi_strerror(rc))));
      return;
    }
    active_.push_back(transfer.release());
  }

  void post(Task task) {
    bool wasEmpty = false;
    {
      std::lock_guard<std::mutex> lock(postedMutex_);
      wasEmpty = posted_.empty();
      posted_.push_back(std::move(task));
    }
    // A queue that was not empty has a wakeup on its way; the loop itself drains before polling.
    if (wasEmpty && !isLoopThread()) curl_multi_wakeup(multi_.get());
  }

  TimerId schedule(std::chrono::milliseconds delay, Task task) {
    return timers_.add(Clock::now() + delay, std::move(task));
  }
  bool cancelTimer(TimerId id) { return timers_.cancel(id); }

  void requestStop() {
    stopping_ = true;
    curl_multi_wakeup(multi_.get());
  }

  // The thread's body: until stopped and nothing is left, run what is due, then poll.
  void run() {
    runningLoop = this;
    for (;;) {
      runPosted();
      runDueTimers();
      if (cancelRequested_.exchange(false)) stopTransfers(false);
      if (stopping_) stopTransfers(true);
      int running = 0;
      curl_multi_perform(multi_.get(), &running);
      completeFinished();
      if (stopping_ && idleLoop()) break;
      curl_multi_poll(multi_.get(), nullptr, 0, pollTimeout(), nullptr);
    }
    runningLoop = nullptr;
  }

 private:
  std::unique_ptr<Transfer> takeIdle() {
    if (!idle_.empty()) {
      std::unique_ptr<Transfer> transfer = std::move(idle_.back());
      idle_.pop_back();
      return transfer;
    }
    auto transfer = std::make_unique<Transfer>();
    transfer->handle = detail::createHandle(options_);
    CURL* easy = transfer->handle->easy.get();
    // HTTP/2 where TLS negotiates it; a new request waits for a stream on a connection being
    // set up instead of opening one more.
    setOption(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    setOption(easy, CURLOPT_PIPEWAIT, 1L);
    setOption(easy, CURLOPT_SHARE, share_.get());
    // The handle stays with this Transfer for good, so it names it once.
    setOption(easy, CURLOPT_PRIVATE, static_cast<void*>(transfer.get()));
    return transfer;
  }

  // A request that never reached libcurl still completes on the loop, after start() returned.
  void failLater(std::unique_ptr<Transfer> transfer, std::exception_ptr error) {
    failed_.emplace_back(std::move(transfer), std::move(error));
  }

  // Gives the handle back before the completion runs, so a retry it starts reuses it.
  void complete(std::unique_ptr<Transfer> transfer, HttpResponse response,
                std::exception_ptr error) {
    Completion done = std::move(transfer->done);
    transfer->done = nullptr;
    transfer->cancelled = {};
    transfer->request = nullptr;
    transfer->context = nullptr;
    idle_.push_back(std::move(transfer));
    done(std::move(response), std::move(error));
  }

  void finish(Transfer* transfer, CURLcode rc) {
    curl_multi_remove_handle(multi_.get(), transfer->handle->easy.get());
    std::unique_ptr<Transfer> owned(transfer);
    HttpResponse response;
    std::exception_ptr error;
    try {
      response = detail::finishTransfer(*transfer->handle, *transfer->request, *transfer->context,
                                        transfer->timeout, rc);
    } catch (...) {
      error = std::current_exception();
    }
    complete(std::move(owned), std::move(response), std::move(error));
  }

  void completeFinished() {
    while (!failed_.empty()) {
      auto [transfer, error] = std::move(failed_.front());
      failed_.erase(failed_.begin());
      transfer->handle->context = nullptr;
      complete(std::move(transfer), HttpResponse{}, std::move(error));
    }
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      void* owner = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &owner);
      const CURLcode rc = message->data.result;
      auto* transfer = static_cast<Transfer*>(owner);
      eraseActive(transfer);
      finish(transfer, rc);  // invalidates `message`; the loop reads the next one anew
    }
  }

  // Removes cancelled transfers (all of them when the transport stops) without waiting for
  // libcurl: a silent connection would never call back.
  void stopTransfers(bool all) {
    for (std::size_t i = 0; i < active_.size();) {
      Transfer* transfer = active_[i];
      if (!all && !transfer->context->isCancelled()) {
        ++i;
        continue;
      }
      active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(i));
      curl_multi_remove_handle(multi_.get(), transfer->handle->easy.get());
      transfer->handle->context = nullptr;
      curl_easy_setopt(transfer->handle->easy.get(), CURLOPT_HTTPHEADER,
                       static_cast<curl_slist*>(nullptr));
      const char* why = all && !transfer->context->isCancelled()
                            ? "the transport was shut down during the transfer"
                            : "the call was cancelled during the transfer";
      complete(std::unique_ptr<Transfer>(transfer), HttpResponse{},
               std::make_exception_ptr(CancelledError(why)));
    }
  }

  void eraseActive(Transfer* transfer) {
    for (auto it = active_.begin(); it != active_.end(); ++it) {
      if (*it == transfer) {
        *it = active_.back();
        active_.pop_back();
        return;
      }
    }
  }

  void runPosted() {
    {
      std::lock_guard<std::mutex> lock(postedMutex_);
      running_.swap(posted_);
    }
    for (Task& task : running_) task();
    running_.clear();  // keeps its capacity: the next swap reuses it
  }

  // Every timer when stopping, else those due now; the clock is read only when a timer waits,
  // so a stream of requests without retries never reads it here.
  void runDueTimers() {
    if (timers_.empty()) return;
    const auto now = stopping_ ? std::nullopt : std::optional<Clock::time_point>(Clock::now());
    while (std::optional<Task> task = timers_.popDue(now)) (*task)();
  }

  bool idleLoop() {
    std::lock_guard<std::mutex> lock(postedMutex_);
    return posted_.empty() && active_.empty() && failed_.empty() && timers_.empty();
  }

  int pollTimeout() {
    if (!failed_.empty() || stopping_) return 0;
    {
      std::lock_guard<std::mutex> lock(postedMutex_);
      if (!posted_.empty()) return 0;
    }
    long curlMs = -1;
    curl_multi_timeout(multi_.get(), &curlMs);
    long wait = curlMs < 0 ? 1000L : curlMs;
    if (auto due = timers_.next()) {
      const auto untilDue =
          std::chrono::ceil<std::chrono::milliseconds>(*due - Clock::now()).count();
      wait = std::min<long>(wait, std::max<long>(0, static_cast<long>(untilDue)));
    }
    return static_cast<int>(std::min(wait, 1000L));
  }

  // Declared before the handles, so that the handles (which point at the share) go first.
  const CurlMultiTransportOptions options_;
  std::unique_ptr<CURLM, MultiDeleter> multi_;
  std::unique_ptr<CURLSH, ShareDeleter> share_;
  std::vector<Transfer*> active_;                // owned while in the multi
  std::vector<std::unique_ptr<Transfer>> idle_;  // ready for the next request
  std::vector<std::pair<std::unique_ptr<Transfer>, std::exception_ptr>> failed_;
  detail::LoopTimers<Clock> timers_;
  std::mutex postedMutex_;
  std::vector<Task> posted_;
  std::vector<Task> running_;  // loop thread only
  std::atomic<bool> cancelRequested_{false};
  std::atomic<bool> stopping_{false};
  std::thread thread_;

  friend class CurlMultiTransport;
};

CurlMultiTransport::CurlMultiTransport(CurlMultiTransportOptions options) {
  const long perHost = options.maxConnectionsPerHost;
  if (perHost < 0) throw ValidationError("maxConnectionsPerHost", "must be 0 (no limit) or more");
  CurlTransportOptions& base = options;
  base = detail::checkedTransportOptions(std::move(base));
  loop_ = std::make_shared<Loop>(std::move(options));
  // The thread keeps the loop alive, so it may outlive a transport destroyed on it.
  loop_->thread_ = std::thread([loop = loop_] { loop->run(); });
}

CurlMultiTransport::~CurlMultiTransport() {
  loop_->requestStop();
  if (loop_->isLoopThread()) {
    loop_->thread_.detach();
  } else {
    loop_->thread_.join();
  }
}

void CurlMultiTransport::start(const HttpRequest& request, const CallContext& context,
                               Completion done) {
  loop_->start(request, context, std::move(done));
}
void CurlMultiTransport::post(Task task) { loop_->post(std::move(task)); }
AsyncHttpTransport::TimerId CurlMultiTransport::schedule(std::chrono::milliseconds delay,
                                                         Task task) {
  return loop_->schedule(delay, std::move(task));
}
bool CurlMultiTransport::cancelTimer(TimerId id) { return loop_->cancelTimer(id); }
bool CurlMultiTransport::isLoopThread() const noexcept { return loop_->isLoopThread(); }
const CurlMultiTransportOptions& CurlMultiTransport::options() const noexcept {
  return loop_->options();
}

}  // namespace msgraph
