#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "msgraph/json/json.hpp"

namespace emulator {

/// Header list in arrival order; names are compared case-insensitively by findHeader.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// The value of the first header called `name` (any case), or nullptr.
const std::string* findHeader(const Headers& headers, std::string_view name);
/// Replaces every header called `name` (any case) with one `name: value`.
void setHeader(Headers& headers, std::string name, std::string value);

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

/// Whether two ASCII strings are equal ignoring case (header names, path segments, schemes).
bool equalsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace emulator
