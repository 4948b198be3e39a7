// SPDX-License-Identifier: MIT
#include "http/service_root.hpp"

#include "http/curl_handle.hpp"
#include "msgraph/error.hpp"
#include "msgraph/loopback.hpp"

namespace msgraph::detail {

bool isLoopbackUrl(std::string_view url) {
  UrlPtr parsed(curl_url());
  const std::string text(url);
  return parsed && curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), 0) == CURLUE_OK &&
         isLoopbackHost(urlPart(parsed.get(), CURLUPART_HOST, 0));
}

std::string checkedServiceRoot(std::string_view url, const char* field) {
  std::string root(url);
  while (!root.empty() && root.back() == '/') root.pop_back();
  // libcurl's own parser decides what the host is: the same parser that will connect.
  UrlPtr parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, root.c_str(), 0) != CURLUE_OK ||
      root.find_first_of(" \t\r\n") != std::string::npos) {
    throw ValidationError(field, "must be a root URL like https://graph.microsoft.com");
  }
  const std::string scheme = urlPart(parsed.get(), CURLUPART_SCHEME, 0);
  if (scheme != "https" && scheme != "http")
    throw ValidationError(field, "must start with https://");
  if (!urlPart(parsed.get(), CURLUPART_USER, 0).empty() ||
      !urlPart(parsed.get(), CURLUPART_PASSWORD, 0).empty()) {
    throw ValidationError(field, "must not hold a user name or password");
  }
  if (!urlPart(parsed.get(), CURLUPART_QUERY, 0).empty() ||
      !urlPart(parsed.get(), CURLUPART_FRAGMENT, 0).empty()) {
    throw ValidationError(field, "must not have a query or a fragment");
  }
  if (scheme == "http" && !isLoopbackHost(urlPart(parsed.get(), CURLUPART_HOST, 0))) {
    throw ValidationError(field, "http:// is allowed only for loopback hosts; use https://");
  }
  return root;
}

}  // namespace msgraph::detail
