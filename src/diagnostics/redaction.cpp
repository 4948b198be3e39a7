// SPDX-License-Identifier: MIT
#include "diagnostics/redaction.hpp"

#include <algorithm>
#include <vector>

#include "msgraph/ascii.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http_headers.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

bool isSecretHeader(std::string_view name) noexcept {
  static constexpr std::string_view kSecret[] = {"Authorization", "Proxy-Authorization", "Cookie",
                                                 "Set-Cookie", "X-Ms-Client-Secret"};
  for (std::string_view secret : kSecret) {
    if (asciiEqualsIgnoreCase(name, secret)) return true;
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

bool isSecretName(std::string_view name) noexcept {
  static constexpr std::string_view kSecret[] = {
      "client_secret", "client_assertion", "access_token", "refresh_token",
      "id_token",      "password",         "assertion"};
  for (std::string_view secret : kSecret) {
    if (asciiEqualsIgnoreCase(name, secret)) return true;  // ASCII case-insensitive
  }
  return false;
}

namespace {

// key=value&key=value: masks the values of secret keys, keeps everything else byte for byte.
std::string redactPairs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('&'), text.size());
    const std::string_view pair = text.substr(0, end);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && isSecretName(pair.substr(0, equals))) {
      out.append(pair.substr(0, equals + 1)).append("***");
    } else {
      out.append(pair);
    }
    if (end < text.size()) out.push_back('&');
    text.remove_prefix(end < text.size() ? end + 1 : end);
  }
  return out;
}

// Masks the user information of the authority that starts at `hostStart` and ends at the first
// of `terminators`; returns where the authority now ends.
std::size_t maskUserInfo(std::string& text, std::size_t hostStart, const char* terminators) {
  std::size_t hostEnd = text.find_first_of(terminators, hostStart);
  if (hostEnd == std::string::npos) hostEnd = text.size();
  const std::size_t at = text.rfind('@', hostEnd);
  if (at == std::string::npos || at < hostStart) return hostEnd;
  text.replace(hostStart, at - hostStart, "***");
  return hostStart + 3 + (hostEnd - at);
}

// Masks secret keys in a JSON value with an explicit stack (no recursion on input depth).
void redactJson(Json& root) {
  std::vector<Json*> pending{&root};
  while (!pending.empty()) {
    Json* value = pending.back();
    pending.pop_back();
    if (value->isArray()) {
      for (Json& item : value->asArray()) pending.push_back(&item);
    } else if (value->isObject()) {
      for (const auto& member : value->asObject()) {
        Json* child = value->asObject().find(member.first);
        if (isSecretName(member.first)) {
          *child = "***";
        } else {
          pending.push_back(child);
        }
      }
    }
  }
}

}  // namespace

std::string redactBody(std::string_view body) {
  const std::size_t start = body.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && (body[start] == '{' || body[start] == '[')) {
    try {
      Json parsed = Json::parse(body);
      redactJson(parsed);
      return parsed.dump();
    } catch (const Error&) {
      return "<body that is not valid JSON, not shown>";
    }
  }
  return redactPairs(body);
}

std::string redactText(std::string_view text) {
  std::string shown(text);
  for (std::size_t scheme = shown.find("://"); scheme != std::string::npos;
       scheme = shown.find("://", scheme + 3)) {
    scheme = maskUserInfo(shown, scheme + 3, "/?# \t'\"<>") - 3;
  }
  return shown;
}

std::string redactUrl(std::string_view url) {
  std::string shown(url);
  const std::size_t scheme = shown.find("://");
  if (scheme != std::string::npos) maskUserInfo(shown, scheme + 3, "/?#");
  const std::size_t query = shown.find('?');
  if (query == std::string::npos) return shown;
  const std::size_t fragment = shown.find('#', query);
  const std::string_view pairs = std::string_view(shown).substr(
      query + 1, (fragment == std::string::npos ? shown.size() : fragment) - query - 1);
  return shown.substr(0, query + 1) + redactPairs(pairs) +
         (fragment == std::string::npos ? std::string() : shown.substr(fragment));
}

}  // namespace msgraph::detail
