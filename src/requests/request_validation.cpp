#include "requests/request_validation.hpp"

#include <cstdint>

#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

constexpr std::size_t kMaxPartnerIdBytes = 1024;

bool isTokenChar(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool hasControlChar(std::string_view text, bool allowTab) {
  for (unsigned char c : text) {
    if ((c < 0x20 && !(allowTab && c == '\t')) || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

bool isValidUtf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    std::size_t length = 0;
    std::uint32_t min = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++p;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      length = 2, min = 0x80, cp = c & 0x1fu;
    } else if ((c & 0xf0) == 0xe0) {
      length = 3, min = 0x800, cp = c & 0x0fu;
    } else if ((c & 0xf8) == 0xf0) {
      length = 4, min = 0x10000, cp = c & 0x07u;
    } else {
      return false;
    }
    if (static_cast<std::size_t>(end - p) < length) return false;
    for (std::size_t i = 1; i < length; ++i) {
      if ((p[i] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    p += length;
  }
  return true;
}

void validateHeader(std::string_view name, std::string_view value) {
  if (name.empty()) throw ValidationError("header name", "must not be empty");
  for (unsigned char c : name) {
    if (!isTokenChar(c)) {
      throw ValidationError("header name '" + std::string(name) + "'",
                            "is not an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~ only)");
    }
  }
  if (hasControlChar(value, true)) {
    // The value is not echoed: it may be a secret, and it holds control characters.
    throw ValidationError("header '" + std::string(name) + "'",
                          "its value contains CR, LF, NUL or another control character");
  }
}

void validatePartnerId(std::string_view id) {
  const char* field = "partnerTenantId";
  if (id.empty()) throw ValidationError(field, "must not be empty");
  if (id == "." || id == "..") {
    throw ValidationError(field, "must not be '.' or '..', which would change the request path");
  }
  if (id.size() > kMaxPartnerIdBytes) {
    throw ValidationError(field, "is longer than " + std::to_string(kMaxPartnerIdBytes) + " bytes");
  }
  if (!isValidUtf8(id)) throw ValidationError(field, "is not valid UTF-8");
  if (hasControlChar(id, false)) throw ValidationError(field, "contains a control character");
}

void validateQueryItem(std::string_view parameter, std::string_view item) {
  if (item.empty()) throw ValidationError(std::string(parameter), "has an empty property name");
  if (hasControlChar(item, false) || !isValidUtf8(item)) {
    throw ValidationError(std::string(parameter),
                          "has a property name with a control character or invalid UTF-8");
  }
}

}  // namespace msgraph::detail
