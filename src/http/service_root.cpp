// SPDX-License-Identifier: MIT
#include "http/service_root.hpp"

#include <curl/curl.h>

#include <memory>

#include "msgraph/error.hpp"
#include "msgraph/loopback.hpp"

namespace msgraph::detail {

namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
struct PartDeleter {
  void operator()(char* part) const noexcept { curl_free(part); }
};

// One part of a parsed URL, or empty if it has none.
std::string partOf(CURLU* url, CURLUPart which) {
  char* raw = nullptr;
  if (curl_url_get(url, which, &raw, 0) != CURLUE_OK || raw == nullptr) return {};
  return std::unique_ptr<char, PartDeleter>(raw).get();
}

}  // namespace

bool isLoopbackUrl(std::string_view url) {
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  const std::string text(url);
  return parsed && curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), 0) == CURLUE_OK &&
         isLoopbackHost(partOf(parsed.get(), CURLUPART_HOST));
}

std::string checkedServiceRoot(std::string_view url, const char* field) {
  std::string root(url);
  while (!root.empty() && root.back() == '/') root.pop_back();
  // libcurl's own parser decides what the host is: the same parser that will connect.
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, root.c_str(), 0) != CURLUE_OK ||
      root.find_first_of(" \t\r\n") != std::string::npos) {
    throw ValidationError(field, "must be a root URL like https://graph.microsoft.com");
  }
  const std::string scheme = partOf(parsed.get(), CURLUPART_SCHEME);
  if (scheme != "https" && scheme != "http")
    throw ValidationError(field, "must start with https://");
  if (!partOf(parsed.get(), CURLUPART_USER).empty() ||
      !partOf(parsed.get(), CURLUPART_PASSWORD).empty()) {
    throw ValidationError(field, "must not hold a user name or password");
  }
  if (!partOf(parsed.get(), CURLUPART_QUERY).empty() ||
      !partOf(parsed.get(), CURLUPART_FRAGMENT).empty()) {
    throw ValidationError(field, "must not have a query or a fragment");
  }
  if (scheme == "http" && !isLoopbackHost(partOf(parsed.get(), CURLUPART_HOST))) {
    throw ValidationError(field, "http:// is allowed only for loopback hosts; use https://");
  }
  return root;
}

}  // namespace msgraph::detail
