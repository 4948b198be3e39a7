// SPDX-License-Identifier: MIT
#include "http/curl_handle.hpp"

namespace msgraph::detail {

std::string urlPart(CURLU* url, CURLUPart part, unsigned int flags) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK) return {};
  CurlString owned(raw);
  return owned ? std::string(owned.get()) : std::string();
}

}  // namespace msgraph::detail
