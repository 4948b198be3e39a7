// SPDX-License-Identifier: MIT
#include "requests/request_validation.hpp"

#include <cstdint>

#include "http/url_encoding.hpp"
#include "json/utf8.hpp"
#include "msgraph/ascii.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http_headers.hpp"
#include "msgraph/requests/partner_tenant_id.hpp"

namespace msgraph::detail {

namespace {

constexpr std::size_t kMaxPartnerIdBytes = 1024;
// Far above any header Graph uses, far below the 16 KiB its front ends take for all headers
// together: a longer one is a mistake (a file read into a variable), refused before sending.
constexpr std::size_t kMaxHeaderNameBytes = 256;
constexpr std::size_t kMaxHeaderValueBytes = 8192;

bool isTokenChar(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// Headers that say how the message is framed or routed; a caller's value would desynchronize
// the connection (a short Content-Length leaves the rest of the body as the "next request").
bool isFramingHeader(std::string_view name) {
  static constexpr std::string_view kFraming[] = {
      "Content-Length", "Transfer-Encoding", "Host", "Connection",
      "Expect",         "Upgrade",           "TE",   "Trailer",
      "Keep-Alive",     "Proxy-Connection"};
  for (std::string_view framing : kFraming) {
    if (asciiEqualsIgnoreCase(name, framing)) return true;
  }
  return false;
}

bool hasControlChar(std::string_view text, bool allowTab) {
  for (unsigned char c : text) {
    if ((c < 0x20 && !(allowTab && c == '\t')) || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

void validateHeader(std::string_view name, std::string_view value) {
  if (name.empty()) throw ValidationError("header name", "must not be empty");
  if (name.size() > kMaxHeaderNameBytes) {
    throw ValidationError("header name '" + std::string(name.substr(0, 32)) + "...'",
                          "is longer than " + std::to_string(kMaxHeaderNameBytes) + " bytes");
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (!isTokenChar(static_cast<unsigned char>(name[i]))) {
      // Only the valid prefix is echoed: "Authorization: Bearer eyJ..." passed as a name must
      // not put the token into the message.
      throw ValidationError("header name '" + std::string(name.substr(0, i)) + "...'",
                            "is not an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~ only)");
    }
  }
  if (isFramingHeader(name)) {
    throw ValidationError("header '" + std::string(name) + "'",
                          "frames the message on the wire and is set by the transport only");
  }
  if (value.size() > kMaxHeaderValueBytes) {
    throw ValidationError(
        "header '" + std::string(name) + "'",
        "its value is longer than " + std::to_string(kMaxHeaderValueBytes) + " bytes");
  }
  if (hasControlChar(value, true)) {
    // The value is not echoed: it may be a secret, and it holds control characters.
    throw ValidationError("header '" + std::string(name) + "'",
                          "its value contains CR, LF, NUL or another control character");
  }
}

void validateApplicationId(std::string_view applicationId) {
  if (hasControlChar(applicationId, false) || !isValidUtf8(applicationId)) {
    throw ValidationError("applicationId", "contains a control character or invalid UTF-8");
  }
}

void validatePartnerId(std::string_view id, const char* field) {
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

RequestTarget partnerChild(const RequestTarget& target, std::string_view collection,
                           const std::string& partnerTenantId, const char* field) {
  std::string segment(collection);
  if (!segment.empty()) segment.append(1, '/');
  try {
    validatePartnerId(partnerTenantId, field);
  } catch (const ValidationError& error) {
    return target.child(segment).failing(error);
  }
  appendPercentEncoded(segment, partnerTenantId);
  return target.child(segment);
}

}  // namespace msgraph::detail

namespace msgraph {

void validatePartnerTenantId(std::string_view id, const char* field) {
  detail::validatePartnerId(id, field);
}

}  // namespace msgraph
