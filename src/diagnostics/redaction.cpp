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
  // Named ones (X-API-Key, Ocp-Apim-Subscription-Key, X-Client-Secret, Set-Cookie, ...) all
  // hold one of these words; Authorization and Proxy-Authorization do not.
  // X-IDENTITY-HEADER is App Service's managed identity secret.
  static constexpr std::string_view kWords[] = {"secret",        "token",          "key",
                                                "password",      "signature",      "cookie",
                                                "authorization", "identity-header"};
  for (std::string_view word : kWords) {
    if (asciiContainsIgnoreCase(name, word)) return true;
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

namespace {

constexpr std::string_view kSecretNames[] = {"client_secret", "client_assertion", "access_token",
                                             "refresh_token", "id_token",         "password",
                                             "assertion"};

// Whether `word` ends with a secret name (`oauth_client_secret`, `my_password`), in any case.
bool endsWithSecretName(std::string_view word) noexcept {
  for (std::string_view secret : kSecretNames) {
    if (word.size() >= secret.size() &&
        asciiEqualsIgnoreCase(word.substr(word.size() - secret.size()), secret)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool isSecretName(std::string_view name) noexcept {
  for (std::string_view secret : kSecretNames) {
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

namespace {

bool endsSecretValue(char c) {
  return c == '&' || c == '"' || c == '\\' || c == '\'' || c == ',' || c == ';' || c == '}' ||
         c == '<' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isTokenChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

bool isNameChar(char c) { return isTokenChar(c) && c != '=' && c != '/' && c != '+'; }

// Masks, from `at`, the value that follows a separator (`=`, `:` with optional quotes and
// spaces); returns where scanning goes on.
std::size_t maskValueAfterName(std::string& text, std::size_t at) {
  // Quotes may come escaped (`\"`), as in a JSON document quoted inside a JSON string.
  const auto isQuoteOrSpace = [](char c) { return c == '"' || c == '\\' || c == ' '; };
  std::size_t i = at;
  while (i < text.size() && isQuoteOrSpace(text[i])) ++i;
  if (i >= text.size() || (text[i] != '=' && text[i] != ':')) return at;
  ++i;
  while (i < text.size() && isQuoteOrSpace(text[i])) ++i;
  std::size_t end = i;
  while (end < text.size() && !endsSecretValue(text[end])) ++end;
  if (end == i || text.compare(i, end - i, "***") == 0) return end;
  text.replace(i, end - i, "***");
  return i + 3;
}

// Masks the credentials after each `scheme ` (Bearer, Basic) in `text`.
void maskAuthorizationSchemes(std::string& text) {
  for (std::string_view scheme : {std::string_view("bearer"), std::string_view("basic")}) {
    for (std::size_t i = 0; i + scheme.size() < text.size(); ++i) {
      if (!asciiEqualsIgnoreCase(std::string_view(text).substr(i, scheme.size()), scheme)) continue;
      if (i > 0 && isNameChar(text[i - 1])) continue;
      std::size_t start = i + scheme.size();
      if (text[start] != ' ') continue;
      while (start < text.size() && text[start] == ' ') ++start;
      std::size_t end = start;
      while (end < text.size() && isTokenChar(text[end])) ++end;
      if (end == start || text.compare(start, end - start, "***") == 0) continue;
      text.replace(start, end - start, "***");
      i = start + 2;
    }
  }
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A form value as the server may quote it: `%XX` decoded and `+` as a space.
std::string percentDecoded(std::string_view value) {
  std::string decoded;
  decoded.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '%' && i + 2 < value.size() && hexDigit(value[i + 1]) >= 0 &&
        hexDigit(value[i + 2]) >= 0) {
      decoded += static_cast<char>(hexDigit(value[i + 1]) * 16 + hexDigit(value[i + 2]));
      i += 2;
    } else {
      decoded += value[i] == '+' ? ' ' : value[i];
    }
  }
  return decoded;
}

}  // namespace

namespace {

std::string redactServiceTextOnce(std::string_view text) {
  std::string shown = redactText(text);
  // Every word that ends with a secret name: `client_secret=`, `"access_token": "`,
  // `assertion: `, `oauth_client_secret=`.
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (!isNameChar(shown[i]) || (i > 0 && isNameChar(shown[i - 1]))) continue;
    std::size_t end = i;
    while (end < shown.size() && isNameChar(shown[end])) ++end;
    if (endsWithSecretName(std::string_view(shown).substr(i, end - i))) {
      i = maskValueAfterName(shown, end);
    } else {
      i = end - 1;
    }
  }
  maskAuthorizationSchemes(shown);
  return shown;
}

}  // namespace

// A mask can make a new match (a masked URL's user information now ends at another `@`), so
// the passes repeat until nothing changes: what is shown is redacted as far as it goes. Each
// pass only replaces text by `***`, so it ends soon; this runs on error paths only.
std::string redactServiceText(std::string_view text) {
  std::string shown = redactServiceTextOnce(text);
  for (int pass = 0; pass < 8; ++pass) {
    std::string again = redactServiceTextOnce(shown);
    if (again == shown) break;
    shown = std::move(again);
  }
  return shown;
}

void maskJsonWebTokens(std::string& text) {
  const auto isBase64Url = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  };
  for (std::size_t at = text.find("eyJ"); at != std::string::npos; at = text.find("eyJ", at)) {
    std::size_t end = at;
    int dots = 0;
    for (; end < text.size(); ++end) {
      if (text[end] == '.') {
        ++dots;
      } else if (!isBase64Url(text[end])) {
        break;
      }
    }
    if (dots >= 1) {
      text.replace(at, end - at, "***");
      at += 3;
    } else {
      at = end;
    }
  }
}

void maskSecret(std::string& text, std::string_view secret) {
  if (secret.size() < 4) return;
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + 3)) {
    text.replace(at, secret.size(), "***");
  }
}

void maskFormSecrets(std::string& text, std::string_view form) {
  while (!form.empty()) {
    const std::size_t end = std::min(form.find('&'), form.size());
    const std::string_view pair = form.substr(0, end);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && isSecretName(pair.substr(0, equals))) {
      const std::string_view value = pair.substr(equals + 1);
      maskSecret(text, value);
      maskSecret(text, percentDecoded(value));
    }
    form.remove_prefix(end < form.size() ? end + 1 : end);
  }
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
