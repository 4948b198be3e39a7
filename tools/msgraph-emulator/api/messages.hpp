// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/headers.hpp"
#include "msgraph/json/json.hpp"

namespace emulator {

/// One request as the dispatcher sees it, whether it came over HTTP or inside a `$batch`.
/// `rawPath` is still percent-encoded: the partner id is decoded from its own segment only, so
/// that `%2F` in an id never splits the path.
struct ApiRequest {
  std::string method;
  std::string rawPath;
  std::string rawQuery;
  Headers headers;
  std::string body;
  /// Set for the items of a `$batch`, which may not themselves be batches.
  bool insideBatch = false;
};

/// One response: status, headers and body, before it is put on the wire or into a batch.
struct ApiResponse {
  int status = 200;
  Headers headers;
  std::string body;

  /// Sets a JSON body and its Content-Type.
  void setJson(const msgraph::Json& value);
};

}  // namespace emulator
