// SPDX-License-Identifier: MIT
#include "http/curl_handle_config.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <iterator>
#include <limits>
#include <mutex>
#include <string_view>

#include "core/header_text.hpp"
#include "core/printable_excerpt.hpp"
#include "msgraph/ascii.hpp"

namespace msgraph::detail {

using Kind = TransportError::Kind;

namespace {

// Called by libcurl during a transfer (several times a second, and on every chunk): a nonzero
// answer aborts it, which is how cancellation and the call's deadline stop a transfer at once.
int checkProgress(void* userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const CallContext* context = static_cast<PooledHandle*>(userdata)->context;
  if (context == nullptr) return 0;
  if (context->isCancelled()) return 1;
  return context->deadline() && CallContext::Clock::now() >= *context->deadline() ? 1 : 0;
}

// Called by libcurl before each request it sends. A second call in one transfer means libcurl
// is about to send the request again on its own, on a new connection, because a kept-alive one
// closed before a byte of answer: the server may have received and applied the first (a PATCH
// applied twice, a create-only PUT answered 409, while the record shows one attempt). The
// transfer stops instead, and the retry policy decides, with the failure on the record.
int refuseResend(void* userdata, char*, char*, int, int) {
  auto* handle = static_cast<PooledHandle*>(userdata);
  return ++handle->requestsSent > 1 ? CURL_PREREQFUNC_ABORT : CURL_PREREQFUNC_OK;
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

// Called by libcurl for each header line of each response of the transfer.
std::size_t collectHeader(char* data, std::size_t size, std::size_t count, void* userdata) {
  const std::size_t bytes = size * count;
  try {
    static_cast<PooledHandle*>(userdata)->responseHeaders.add({data, bytes});
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
  setOption(easy, CURLOPT_PREREQFUNCTION, &refuseResend);
  setOption(easy, CURLOPT_PREREQDATA, static_cast<void*>(&handle));
  setOption(easy, CURLOPT_WRITEFUNCTION, &writeBody);
  setOption(easy, CURLOPT_WRITEDATA, static_cast<void*>(&handle));
  setOption(easy, CURLOPT_HEADERFUNCTION, &collectHeader);
  setOption(easy, CURLOPT_HEADERDATA, static_cast<void*>(&handle));
  // Refuses early when Content-Length already says too much; writeBody catches the rest
  // (chunked bodies).
  const auto limit = std::min<std::size_t>(
      options.maxResponseBytes, static_cast<std::size_t>(std::numeric_limits<curl_off_t>::max()));
  if (limit > 0) setOption(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limit));
}

bool sendsBody(const HttpRequest& request) {
  if (request.method == HttpMethod::Get) return false;
  return request.method != HttpMethod::Delete || !request.body.empty();
}

}  // namespace

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

// libcurl treats 0 as "no timeout" (or its 300 s default for connects); a zero or negative
// duration from the caller means "as short as possible", never "forever".
long toCurlMillis(std::chrono::milliseconds value) {
  const std::chrono::milliseconds::rep count = value.count();
  if (count < 1) return 1L;
  if (count > static_cast<std::chrono::milliseconds::rep>(LONG_MAX)) return LONG_MAX;
  return static_cast<long>(count);
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

namespace {
constexpr std::size_t kNoExpectUpTo = 1024;
}  // namespace

curl_slist* buildHeaderList(const HttpRequest& request, HeaderList& list) {
  list.clear();
  bool hasContentType = false;
  for (const auto& [name, value] : request.headers) {
    // "Name:" with nothing after it would make libcurl drop the header; "Name;" sends it empty.
    list.add(name, value.empty() ? ";" : ": ", value);
    hasContentType = hasContentType || asciiEqualsIgnoreCase(name, "Content-Type");
  }
  // A line break would let one header smuggle in others (a NUL would cut one short): checked on
  // the whole list at once, then, only when it fails, header by header to name the culprit.
  if (list.hasLineBreakOrNul()) {
    for (const auto& [name, value] : request.headers) {
      if (hasLineBreakOrNul(name) || hasLineBreakOrNul(value)) {  // the value stays out
        // The name too may hold the line break or a NUL: shown with control characters as spaces.
        throw TransportError(Kind::Other, "header '" + printableExcerpt(name, 64) +
                                              "' contains a line break; nothing was sent");
      }
    }
  }
  // Graph never answers 100 Continue usefully; waiting for it only adds a round trip. For a
  // body given with POSTFIELDS, as applyMethod gives every body, libcurl asks for it only over
  // a size (1 KiB in older releases, 1 MiB in current ones): at or below 1 KiB, the header would
  // only cost each request a longer list to scan. A body sent another way (a read callback, an
  // upload) would need the header whatever its size.
  if (request.body.size() > kNoExpectUpTo) list.add("Expect", ":", "");
  // With a body, libcurl would otherwise claim application/x-www-form-urlencoded.
  if (sendsBody(request) && !hasContentType) {
    list.add("Content-Type", ":", "");
  }
  return list.link();
}

void applyMethod(PooledHandle& handle, const HttpRequest& request) {
  CURL* easy = handle.easy.get();
  const bool body = sendsBody(request);
  // A DELETE with a body leaves POST state that a DELETE without one must undo.
  const bool sameMethod = handle.method == request.method && handle.methodSendsBody == body;
  if (!sameMethod) handle.method.reset();  // unknown until the options below are set
  if (body) {
    // POSTFIELDS switches the handle to POST (HTTPGET 0 would be a no-op in libcurl), so no GET
    // state from an earlier request survives; CUSTOMREQUEST then names the real method.
    setOption(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    setOption(easy, CURLOPT_POSTFIELDS, static_cast<const void*>(request.body.data()));
    if (sameMethod) return;
    const std::string method(toString(request.method));
    setOption(easy, CURLOPT_CUSTOMREQUEST, method.c_str());  // libcurl copies the string.
  } else {
    if (sameMethod) return;
    // HTTPGET 1 also undoes the POST state a previous request may have left on this handle.
    setOption(easy, CURLOPT_HTTPGET, 1L);
    const char* verb = request.method == HttpMethod::Get ? nullptr : "DELETE";
    setOption(easy, CURLOPT_CUSTOMREQUEST, verb);
  }
  handle.method = request.method;
  handle.methodSendsBody = body;
}

}  // namespace msgraph::detail
