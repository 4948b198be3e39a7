#include "http/redaction.hpp"

#include "msgraph/http/http_headers.hpp"

namespace msgraph::detail {

bool isSecretHeader(std::string_view name) noexcept {
  static constexpr std::string_view kSecret[] = {"Authorization", "Proxy-Authorization", "Cookie",
                                                 "Set-Cookie", "X-Ms-Client-Secret"};
  for (std::string_view secret : kSecret) {
    if (headerNameEquals(name, secret)) return true;
  }
  return false;
}

std::string redactHeaderValue(std::string_view name, std::string_view value) {
  if (!isSecretHeader(name)) return std::string(value);
  // Keep the scheme (`Bearer`), which helps debugging and reveals nothing.
  const std::size_t space = value.find(' ');
  if (space != std::string_view::npos && space > 0 && space < 16) {
    return std::string(value.substr(0, space)) + " ***";
  }
  return "***";
}

}  // namespace msgraph::detail
