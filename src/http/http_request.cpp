// SPDX-License-Identifier: MIT
#include "msgraph/http/http_request.hpp"

#include "diagnostics/redaction.hpp"

namespace msgraph {

std::string_view toString(HttpMethod method) noexcept {
  switch (method) {
    case HttpMethod::Get:
      return "GET";
    case HttpMethod::Put:
      return "PUT";
    case HttpMethod::Patch:
      return "PATCH";
    case HttpMethod::Delete:
      return "DELETE";
    case HttpMethod::Post:
      return "POST";
  }
  return "GET";
}

std::string HttpRequest::toDisplayString() const {
  std::string text;
  text.append(toString(method)).append(" ").append(detail::redactUrl(url)).append("\n");
  for (const auto& [name, value] : headers) {
    text.append(name).append(": ").append(detail::redactHeaderValue(name, value)).append("\n");
  }
  text.append("\n").append(detail::redactBody(body));
  return text;
}

}  // namespace msgraph
