#include "msgraph/http/curl_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics/redaction.hpp"
#include "http/service_root.hpp"
#include "msgraph/error.hpp"

namespace msgraph {
namespace {

using Kind = TransportError::Kind;

struct EasyDeleter {
  void operator()(CURL* easy) const noexcept { curl_easy_cleanup(easy); }
};
using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;

struct UrlDeleter {
  void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
using UrlPtr = std::unique_ptr<CURLU, UrlDeleter>;

struct CurlStringDeleter {
  void operator()(char* text) const noexcept { curl_free(text); }
};
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

// One easy handle and the buffers libcurl writes into. They live together on the heap because
// libcurl keeps raw pointers to them (ERRORBUFFER, WRITEDATA) for the handle's whole life.
// The request headers as libcurl's list, built in buffers that the handle keeps between calls:
// no malloc per header, unlike curl_slist_append. libcurl only reads the list during the call.
class HeaderList {
 public:
  void clear() {
    text_.clear();
    starts_.clear();
  }
  void add(std::string_view name, std::string_view separator, std::string_view value) {
    starts_.push_back(text_.size());
    text_.append(name).append(separator).append(value).push_back('\0');
  }
  // Links the nodes; valid until the next clear() or add().
  curl_slist* link() {
    nodes_.resize(starts_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      nodes_[i].data = &text_[starts_[i]];
      nodes_[i].next = i + 1 < nodes_.size() ? &nodes_[i + 1] : nullptr;
    }
    return nodes_.empty() ? nullptr : nodes_.data();
  }

 private:
  std::string text_;
  std::vector<std::size_t> starts_;
  std::vector<curl_slist> nodes_;
};

struct PooledHandle {
  EasyPtr easy;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  std::string body;
  HeaderList headers;
  std::size_t maxBody = 0;
  bool tooLarge = false;
  const CallContext* context = nullptr;  // the call in flight, for the progress callback

  void resetForTransfer(std::size_t limit, const CallContext& call) {
    body.clear();
    maxBody = limit;
    tooLarge = false;
    errorBuffer[0] = '\0';
    context = &call;
  }
};

void initCurlOnce() {
  static std::once_flag once;
  // curl_global_cleanup never runs: other libraries in the process may use libcurl too, and
  // tearing down its global state under them (or at static destruction) is worse than a leak.
  std::call_once(once, [] {
    const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (rc != CURLE_OK) {
      throw TransportError(Kind::Other,
                           std::string("libcurl initialization failed: ") + curl_easy_strerror(rc));
    }
  });
}

template <typename T>
void setOption(CURL* easy, CURLoption option, T value) {
  const CURLcode rc = curl_easy_setopt(easy, option, value);
  if (rc != CURLE_OK) {
    throw TransportError(Kind::Other, std::string("cannot configure libcurl: ") +
                                          curl_easy_strerror(rc) + " (curl code " +
                                          std::to_string(static_cast<int>(rc)) + ")");
  }
}

// libcurl treats 0 as "no timeout" (or its 300 s default for connects); a zero or negative
// duration from the caller means "as short as possible", never "forever".
long toCurlMillis(std::chrono::milliseconds value) {
  const std::chrono::milliseconds::rep count = value.count();
  if (count < 1) return 1L;
  if (count > static_cast<std::chrono::milliseconds::rep>(LONG_MAX)) return LONG_MAX;
  return static_cast<long>(count);
}

// Called by libcurl during a transfer (several times a second, and on every chunk): a nonzero
// answer aborts it, which is how cancellation and the call's deadline stop a transfer at once.
int checkProgress(void* userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const CallContext* context = static_cast<PooledHandle*>(userdata)->context;
  if (context == nullptr) return 0;
  if (context->isCancelled()) return 1;
  return context->deadline() && CallContext::Clock::now() >= *context->deadline() ? 1 : 0;
}

std::size_t writeBody(char* data, std::size_t size, std::size_t count, void* userdata) {
  auto* handle = static_cast<PooledHandle*>(userdata);
  const std::size_t bytes = size * count;
  // Returning less than `bytes` aborts the transfer with CURLE_WRITE_ERROR.
  if (bytes > handle->maxBody - handle->body.size()) {
    handle->tooLarge = true;
    return 0;
  }
  try {
    handle->body.append(data, bytes);
  } catch (...) {  // An exception must not unwind through libcurl's C frames.
    return 0;
  }
  return bytes;
}

void applyTlsOptions(CURL* easy, const CurlTransportOptions& options) {
  setOption(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  const bool verify = !options.insecureSkipTlsVerificationForLoopback;
  setOption(easy, CURLOPT_SSL_VERIFYPEER, verify ? 1L : 0L);
  setOption(easy, CURLOPT_SSL_VERIFYHOST, verify ? 2L : 0L);
  if (options.caFile) setOption(easy, CURLOPT_CAINFO, options.caFile->c_str());
}

void applyConnectionOptions(CURL* easy, const CurlTransportOptions& options) {
  // Without NOSIGNAL, libcurl uses SIGALRM for DNS timeouts, which is unsafe in threads.
  setOption(easy, CURLOPT_NOSIGNAL, 1L);
  setOption(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  setOption(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  // An unset proxy leaves libcurl's default, which reads https_proxy/no_proxy; "" disables it.
  if (options.proxy) setOption(easy, CURLOPT_PROXY, options.proxy->c_str());
  setOption(easy, CURLOPT_CONNECTTIMEOUT_MS, toCurlMillis(options.connectTimeout));
  setOption(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  // The library encodes each path segment itself; libcurl must send the path untouched, since a
  // squashed "." or ".." segment would address a different resource.
  setOption(easy, CURLOPT_PATH_AS_IS, 1L);
  // Redirects are the pipeline's decision, and following one could forward the bearer token.
  setOption(easy, CURLOPT_FOLLOWLOCATION, 0L);
}

void applyBodyOptions(PooledHandle& handle, const CurlTransportOptions& options) {
  CURL* easy = handle.easy.get();
  // No Accept-Encoding: Graph's answers for this resource are a few hundred bytes, so
  // compression saves nothing, and an undecoded body cannot be a decompression bomb.
  setOption(easy, CURLOPT_ERRORBUFFER, handle.errorBuffer);
  setOption(easy, CURLOPT_XFERINFOFUNCTION, &checkProgress);
  setOption(easy, CURLOPT_XFERINFODATA, static_cast<void*>(&handle));
  setOption(easy, CURLOPT_WRITEFUNCTION, &writeBody);
  setOption(easy, CURLOPT_WRITEDATA, static_cast<void*>(&handle));
  // Refuses early when Content-Length already says too much; writeBody catches the rest
  // (chunked bodies).
  const auto limit = std::min<std::size_t>(
      options.maxResponseBytes, static_cast<std::size_t>(std::numeric_limits<curl_off_t>::max()));
  if (limit > 0) setOption(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limit));
}

std::unique_ptr<PooledHandle> createHandle(const CurlTransportOptions& options) {
  auto handle = std::make_unique<PooledHandle>();
  handle->easy.reset(curl_easy_init());
  if (!handle->easy) throw TransportError(Kind::Other, "cannot create a libcurl handle");
  applyTlsOptions(handle->easy.get(), options);
  applyConnectionOptions(handle->easy.get(), options);
  applyBodyOptions(*handle, options);
  return handle;
}

bool hasLineBreakOrNul(std::string_view text) {
  for (char c : text) {
    if (c == '\r' || c == '\n' || c == '\0') return true;
  }
  return false;
}

bool sendsBody(const HttpRequest& request) {
  if (request.method == HttpMethod::Get) return false;
  return request.method != HttpMethod::Delete || !request.body.empty();
}

curl_slist* buildHeaderList(const HttpRequest& request, HeaderList& list) {
  list.clear();
  for (const auto& [name, value] : request.headers) {
    // A line break would let one header smuggle in others; the value stays out of the message.
    if (hasLineBreakOrNul(name) || hasLineBreakOrNul(value)) {
      throw TransportError(Kind::Other, "header '" + std::string(name.substr(0, 64)) +
                                            "' contains a line break; nothing was sent");
    }
    // "Name:" with nothing after it would make libcurl drop the header; "Name;" sends it empty.
    list.add(name, value.empty() ? ";" : ": ", value);
  }
  // Graph never answers 100 Continue usefully; waiting for it only adds a round trip.
  list.add("Expect", ":", "");
  // With a body, libcurl would otherwise claim application/x-www-form-urlencoded.
  if (sendsBody(request) && !request.headers.contains("Content-Type")) {
    list.add("Content-Type", ":", "");
  }
  return list.link();
}

void applyMethod(CURL* easy, const HttpRequest& request) {
  if (!sendsBody(request)) {
    // HTTPGET 1 also undoes the POST state a previous request may have left on this handle.
    setOption(easy, CURLOPT_HTTPGET, 1L);
    const char* verb = request.method == HttpMethod::Get ? nullptr : "DELETE";
    setOption(easy, CURLOPT_CUSTOMREQUEST, verb);
    return;
  }
  // POSTFIELDS switches the handle to POST (HTTPGET 0 would be a no-op in libcurl), so no GET
  // state from an earlier request survives; CUSTOMREQUEST then names the real method.
  setOption(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  setOption(easy, CURLOPT_POSTFIELDS, static_cast<const void*>(request.body.data()));
  const std::string method(toString(request.method));
  setOption(easy, CURLOPT_CUSTOMREQUEST, method.c_str());  // libcurl copies the string.
}

std::string urlPart(CURLU* url, CURLUPart part, unsigned int flags) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK) return {};
  CurlString owned(raw);
  return owned ? std::string(owned.get()) : std::string();
}

// "scheme://host:port" only: the path may hold ids and the query or user info may hold secrets.
std::string describeOrigin(const std::string& url) {
  UrlPtr parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return "<invalid URL>";
  }
  return urlPart(parsed.get(), CURLUPART_SCHEME, 0) + "://" +
         urlPart(parsed.get(), CURLUPART_HOST, 0) + ":" +
         urlPart(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
}

// A connection reset or closed during the TLS handshake is a failed connect, not a certificate
// problem: nothing was sent, and another attempt may well succeed.
bool resetWhileConnecting(CURL* easy) {
  long osError = 0;
  curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osError);
  return osError == ECONNRESET || osError == ECONNABORTED || osError == EPIPE;
}

Kind classify(CURLcode rc, CURL* easy) {
  if (rc == CURLE_SSL_CONNECT_ERROR && resetWhileConnecting(easy)) return Kind::Connect;
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return Kind::Connect;
    case CURLE_OPERATION_TIMEDOUT:
      return Kind::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      return Kind::Tls;
    case CURLE_SEND_ERROR:
      return Kind::Send;
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2_STREAM:  // a stream reset (REFUSED_STREAM, ...) on an HTTP/2 connection
      return Kind::Receive;
    case CURLE_FILESIZE_EXCEEDED:
      return Kind::TooLarge;
    default:
      return Kind::Other;
  }
}

// Refuses a proxy libcurl could not use, before its error text (which quotes the URL, password
// included) can reach a message. The value itself is never echoed.
void validateProxy(const std::string& proxy) {
  static constexpr std::string_view kSchemes[] = {"http",    "https",  "socks4",
                                                  "socks4a", "socks5", "socks5h"};
  UrlPtr parsed(curl_url());
  const bool hasScheme = proxy.find("://") != std::string::npos;
  const bool parses = parsed && curl_url_set(parsed.get(), CURLUPART_URL, proxy.c_str(),
                                             hasScheme ? CURLU_NON_SUPPORT_SCHEME
                                                       : CURLU_GUESS_SCHEME) == CURLUE_OK;
  const std::string scheme = parses ? urlPart(parsed.get(), CURLUPART_SCHEME, 0) : std::string();
  const bool known =
      std::find(std::begin(kSchemes), std::end(kSchemes), scheme) != std::end(kSchemes);
  if (!parses || !known) {
    throw ValidationError("proxy",
                          "is not a URL with the scheme http, https, socks4, socks4a, "
                          "socks5 or socks5h (the value is not shown: it may hold a password)");
  }
}

[[noreturn]] void throwTransferError(const HttpRequest& request, const PooledHandle& handle,
                                     CURLcode rc) {
  const Kind kind = handle.tooLarge ? Kind::TooLarge : classify(rc, handle.easy.get());
  std::string reason;
  if (kind == Kind::TooLarge) {
    reason =
        "the response body exceeds maxResponseBytes (" + std::to_string(handle.maxBody) + " bytes)";
  } else {
    // libcurl's text may quote the proxy URL, user and password included.
    reason = detail::redactText(handle.errorBuffer[0] != '\0' ? handle.errorBuffer
                                                              : curl_easy_strerror(rc));
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '\r')) reason.pop_back();
  }
  long status = 0;  // 0 until a status line arrived
  curl_easy_getinfo(handle.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  // Never the headers or the body: they carry the bearer token and the caller's data.
  throw TransportError(kind,
                       std::string(toString(request.method)) + " " + describeOrigin(request.url) +
                           " failed: " + reason + " (curl code " +
                           std::to_string(static_cast<int>(rc)) + ")",
                       status != 0);
}

HttpResponse readResponse(PooledHandle& handle) {
  HttpResponse response;
  long status = 0;
  curl_easy_getinfo(handle.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  // Request -1 is the last response of the transfer: no 100 Continue, no proxy CONNECT, no
  // trailers; libcurl parsed them and keeps their order and spelling.
  for (curl_header* header = nullptr;
       (header = curl_easy_nextheader(handle.easy.get(), CURLH_HEADER, -1, header)) != nullptr;) {
    response.headers.add(header->name, header->value);
  }
  // Moving the body out also keeps a large response from pinning memory in the pool.
  response.body = std::move(handle.body);
  handle.body.clear();
  return response;
}

}  // namespace

struct CurlTransport::Impl {
  explicit Impl(CurlTransportOptions options) : options_(std::move(options)) {}

  ~Impl() {
    const std::unique_ptr<PooledHandle> idle(idle_.exchange(nullptr, std::memory_order_acquire));
  }

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Borrows a handle for one call and gives it back, even when the call throws: a handle that
  // saw an error is still sound, libcurl drops any broken connection itself.
  class Lease {
   public:
    explicit Lease(Impl& pool) : pool_(pool), handle_(pool.acquire()) {}
    ~Lease() { pool_.release(std::move(handle_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    PooledHandle& handle() noexcept { return *handle_; }

   private:
    Impl& pool_;
    std::unique_ptr<PooledHandle> handle_;
  };

  std::unique_ptr<PooledHandle> acquire() {
    // The common single-threaded case takes the idle slot without touching the mutex.
    std::unique_ptr<PooledHandle> handle(idle_.exchange(nullptr, std::memory_order_acq_rel));
    if (handle) return handle;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!overflow_.empty()) {
        handle = std::move(overflow_.back());
        overflow_.pop_back();
        return handle;
      }
    }
    return createHandle(options_);
  }

  void release(std::unique_ptr<PooledHandle> handle) noexcept {
    PooledHandle* expected = nullptr;
    if (idle_.compare_exchange_strong(expected, handle.get(), std::memory_order_acq_rel,
                                      std::memory_order_relaxed)) {
      handle.release();  // Now owned by idle_.
      return;
    }
    try {
      std::lock_guard<std::mutex> lock(mutex_);
      overflow_.push_back(std::move(handle));
    } catch (...) {  // Out of memory: dropping the handle only costs a future reconnect.
    }
  }

  HttpResponse transfer(PooledHandle& handle, const HttpRequest& request,
                        const CallContext& context) {
    CURL* easy = handle.easy.get();
    curl_slist* headers = buildHeaderList(request, handle.headers);
    setOption(easy, CURLOPT_URL, request.url.c_str());
    applyMethod(easy, request);
    const AttemptTimeout timeout = attemptTimeout(context);
    setOption(easy, CURLOPT_TIMEOUT_MS, toCurlMillis(timeout.limit));
    setOption(easy, CURLOPT_HTTPHEADER, headers);
    // The progress callback costs a call per chunk: only calls that can be stopped pay for it.
    const bool stoppable = context.cancellation() || context.deadline();
    setOption(easy, CURLOPT_NOPROGRESS, stoppable ? 0L : 1L);
    handle.resetForTransfer(options_.maxResponseBytes, context);
    const CURLcode rc = curl_easy_perform(easy);
    handle.context = nullptr;
    if (rc == CURLE_ABORTED_BY_CALLBACK && context.isCancelled()) {
      throw CancelledError("the call was cancelled during the transfer");
    }
    // The list is rebuilt by the next call; the handle must not keep pointing at it.
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
    // libcurl's clock may fire a hair before ours: a timeout set by the deadline is the deadline.
    const bool deadlinePassed =
        context.deadline() && (CallContext::Clock::now() >= *context.deadline() ||
                               (rc == CURLE_OPERATION_TIMEDOUT && timeout.setByDeadline));
    if (rc != CURLE_OK && deadlinePassed) {
      throw DeadlineExceededError("the call's deadline passed during the transfer");
    }
    if (rc != CURLE_OK) throwTransferError(request, handle, rc);
    return readResponse(handle);
  }

  struct AttemptTimeout {
    std::chrono::milliseconds limit;
    bool setByDeadline = false;
  };

  // The attempt's own timeout, shortened to what is left before the call's deadline.
  AttemptTimeout attemptTimeout(const CallContext& context) const {
    AttemptTimeout timeout{context.timeout().value_or(options_.timeout)};
    if (context.deadline()) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(*context.deadline() -
                                                                     CallContext::Clock::now());
      if (left < timeout.limit) timeout = {std::max(left, std::chrono::milliseconds(1)), true};
    }
    return timeout;
  }

  const CurlTransportOptions options_;
  std::atomic<PooledHandle*> idle_{nullptr};
  std::mutex mutex_;
  std::vector<std::unique_ptr<PooledHandle>> overflow_;
};

CurlTransport::CurlTransport(CurlTransportOptions options) {
  // libcurl would only say "error setting certificate file" on the first call; say which now.
  if (options.caFile && !std::ifstream(*options.caFile).good()) {
    throw ValidationError("caFile", "cannot read '" + *options.caFile + "'");
  }
  if (options.proxy && !options.proxy->empty()) {
    if (options.insecureSkipTlsVerificationForLoopback) {
      throw ValidationError("proxy",
                            "cannot be combined with insecureSkipTlsVerificationForLoopback: "
                            "unverified TLS must not leave the machine");
    }
    validateProxy(*options.proxy);
  }
  // Loopback needs no proxy, and unverified TLS must not go through one from the environment.
  if (options.insecureSkipTlsVerificationForLoopback) options.proxy = "";
  initCurlOnce();
  impl_ = std::make_unique<Impl>(std::move(options));
}

CurlTransport::~CurlTransport() = default;

HttpResponse CurlTransport::send(const HttpRequest& request, const CallContext& context) {
  if (impl_->options_.insecureSkipTlsVerificationForLoopback &&
      !detail::isLoopbackUrl(request.url)) {
    throw TransportError(TransportError::Kind::Tls,
                         "TLS verification is switched off, which is allowed for loopback hosts "
                         "only; refusing to send to another host");
  }
  Impl::Lease lease(*impl_);
  return impl_->transfer(lease.handle(), request, context);
}

const CurlTransportOptions& CurlTransport::options() const noexcept { return impl_->options_; }

}  // namespace msgraph
