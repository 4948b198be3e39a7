// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <vector>

#include "msgraph/http_headers.hpp"

namespace msgraph::detail {

/// Collects the header fields of a transfer's last response from the lines libcurl's header
/// callback passes (CURLOPT_HEADERFUNCTION), with the fields curl_easy_nextheader(CURLH_HEADER,
/// -1) would give, at a cost linear in their number (the header API compares every name with
/// every other's). Every status line ("HTTP/...") starts afresh, so a 1xx answer's and a
/// proxy's CONNECT answer's fields are dropped; the empty line ends the fields, so trailers are
/// not kept. Names keep their spelling; values lose the blanks before and the whitespace after
/// them; an obsolete folded line continues the previous value after one space (RFC 9112,
/// section 5.2).
class ResponseHeaderLines {
 public:
  /// Reads one line as libcurl passes it (ending in CRLF or LF).
  void add(std::string_view line);
  /// Forgets what was collected (a new transfer).
  void clear() noexcept;
  /// The fields collected, moved out.
  HttpHeaders take();

 private:
  // A Graph answer carries about a dozen fields.
  static constexpr std::size_t kUsualFields = 16;
  std::vector<HttpHeaders::Field> fields_;
  bool ended_ = false;  // the empty line came: what follows, until a status line, is trailers
};

}  // namespace msgraph::detail
