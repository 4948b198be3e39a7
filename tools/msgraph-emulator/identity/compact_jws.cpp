// SPDX-License-Identifier: MIT
#include "identity/compact_jws.hpp"

#include "msgraph/error.hpp"
#include "support/base64.hpp"

namespace emulator {
namespace {

std::optional<msgraph::Json> decodeObject(std::string_view part) {
  const std::optional<std::string> text = decodeBase64Url(part);
  if (!text) return std::nullopt;
  try {
    msgraph::Json parsed = msgraph::Json::parse(*text);
    if (parsed.isObject()) return parsed;
  } catch (const msgraph::DeserializationError&) {
    // not JSON: the caller refuses the token as malformed
  }
  return std::nullopt;
}

}  // namespace

std::optional<CompactJws> parseCompactJws(std::string_view token) {
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::optional<msgraph::Json> header = decodeObject(token.substr(0, first));
  std::optional<msgraph::Json> claims = decodeObject(token.substr(first + 1, second - first - 1));
  std::optional<std::string> signature = decodeBase64Url(token.substr(second + 1));
  if (!header || !claims || !signature || signature->empty()) return std::nullopt;
  return CompactJws{std::move(*header), std::move(*claims), std::string(token.substr(0, second)),
                    std::move(*signature)};
}

}  // namespace emulator
