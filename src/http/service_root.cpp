#include "http/service_root.hpp"

#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

bool isLoopbackHost(std::string_view hostAndRest) {
  for (std::string_view host : {"127.0.0.1", "localhost", "[::1]"}) {
    if (hostAndRest.substr(0, host.size()) == host &&
        (hostAndRest.size() == host.size() || hostAndRest[host.size()] == ':' ||
         hostAndRest[host.size()] == '/')) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string checkedServiceRoot(std::string_view url, const char* field) {
  std::string root(url);
  while (!root.empty() && root.back() == '/') root.pop_back();
  const std::string_view view(root);
  const bool https = view.substr(0, 8) == "https://";
  const bool http = view.substr(0, 7) == "http://";
  if (!https && !http) throw ValidationError(field, "must start with https://");
  if (http && !isLoopbackHost(view.substr(7))) {
    throw ValidationError(field, "http:// is allowed only for loopback hosts; use https://");
  }
  if (root.find_first_of("?# \t\r\n") != std::string::npos || root.size() == (https ? 8u : 7u)) {
    throw ValidationError(field, "must be a root URL like https://graph.microsoft.com");
  }
  return root;
}

}  // namespace msgraph::detail
