// SPDX-License-Identifier: MIT
#include "http/curl_errors.hpp"

#include <cerrno>
#include <string>
#include <string_view>

#include "diagnostics/redaction.hpp"

namespace msgraph::detail {

using Kind = TransportError::Kind;

namespace {

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

// libcurl refuses a response header line over CURL_MAX_HTTP_HEADER (100 KB) as "Out of memory"
// (before 8.6; a real shortage of memory is unlikely once the status line has arrived), and
// headers over 300 KB in all as a receive error with this text; 8.6 and later say
// CURLE_TOO_LARGE for both.
bool headersTooLarge(CURLcode rc, const PooledHandle& handle, bool gotStatus) {
#if LIBCURL_VERSION_NUM >= 0x080600
  if (rc == CURLE_TOO_LARGE) return true;
#endif
  if (rc == CURLE_OUT_OF_MEMORY) return gotStatus;
  return rc == CURLE_RECV_ERROR &&
         std::string_view(handle.errorBuffer).rfind("Too large response headers", 0) == 0;
}

}  // namespace

Kind classifyCurlResult(CURLcode rc, CURL* easy) {
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

[[noreturn]] void throwTransferError(const HttpRequest& request, const PooledHandle& handle,
                                     CURLcode rc) {
  long status = 0;  // 0 until a status line arrived
  curl_easy_getinfo(handle.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  const bool refused = rc == CURLE_ABORTED_BY_CALLBACK && resendRefused(handle);
  const bool largeHeaders = !handle.tooLarge && headersTooLarge(rc, handle, status != 0);
  const Kind kind = handle.tooLarge || largeHeaders ? Kind::TooLarge
                    : refused                       ? Kind::Receive
                                                    : classifyCurlResult(rc, handle.easy.get());
  std::string reason;
  if (refused) {
    reason =
        "the server closed the connection without answering; the request was not sent again, "
        "since the server may have received it";
  } else if (largeHeaders) {
    reason =
        "the response headers are larger than libcurl accepts (100 KB for one header, 300 KB "
        "in all)";
  } else if (kind == Kind::TooLarge) {
    reason =
        "the response body exceeds maxResponseBytes (" + std::to_string(handle.maxBody) + " bytes)";
  } else {
    // libcurl's text may quote the proxy URL, user and password included.
    reason =
        redactText(handle.errorBuffer[0] != '\0' ? handle.errorBuffer : curl_easy_strerror(rc));
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '\r')) reason.pop_back();
  }
  // Never the headers or the body: they carry the bearer token and the caller's data.
  throw TransportError(kind,
                       std::string(toString(request.method)) + " " + describeOrigin(request.url) +
                           " failed: " + reason + " (curl code " +
                           std::to_string(static_cast<int>(rc)) + ")",
                       status != 0);
}

}  // namespace msgraph::detail
