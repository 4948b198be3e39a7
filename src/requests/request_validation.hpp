// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "msgraph/requests/request_target.hpp"

namespace msgraph::detail {

/// Checks done before anything is sent; each throws ValidationError naming the field.

/// A header name must be an RFC 9110 token; a value must hold no control character but HTAB.
void validateHeader(std::string_view name, std::string_view value);

/// A partner tenant id: non-empty, not `.` or `..`, valid UTF-8, no control characters, at
/// most 1024 bytes. Errors name `field`.
void validatePartnerId(std::string_view id, const char* field = "partnerTenantId");

/// `target` extended by `collection/{partnerTenantId}` (just the id when `collection` is
/// empty), the id checked (validatePartnerId, errors naming `field`) and percent-encoded as one
/// segment; a bad id becomes the target's pending error.
RequestTarget partnerChild(const RequestTarget& target, std::string_view collection,
                           const std::string& partnerTenantId,
                           const char* field = "partnerTenantId");

/// The application name appended to `User-Agent`: no control characters, valid UTF-8.
void validateApplicationId(std::string_view applicationId);

/// A `$select`/`$expand` item: non-empty, no control characters.
void validateQueryItem(std::string_view parameter, std::string_view item);

}  // namespace msgraph::detail
