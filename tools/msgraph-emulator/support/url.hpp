// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emulator {

/// Name/value pairs of a query string or form body, decoded, in order.
using FormFields = std::vector<std::pair<std::string, std::string>>;

/// Decodes `%XX` escapes once (and `+` as a space when `plusIsSpace`, as in form bodies).
/// Returns nullopt for a `%` not followed by two hex digits.
std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace);

/// The segments of a raw path (`/a/b%2Fc` -> `a`, `b%2Fc`), still encoded. A leading `/` is
/// dropped; empty segments are kept so that `//` is not silently taken for `/`.
std::vector<std::string> splitRawPath(std::string_view rawPath);

/// Parses `application/x-www-form-urlencoded` text (also used for query strings).
/// Returns nullopt if a name or value has a malformed escape.
std::optional<FormFields> parseFormEncoded(std::string_view text);

/// Percent-encodes every byte but the unreserved ones (RFC 3986) and `,`, for a query value
/// the emulator writes into a link.
std::string percentEncodeQueryValue(std::string_view value);

/// The value of the first field called `name`, or nullptr.
const std::string* findField(const FormFields& fields, std::string_view name);

}  // namespace emulator
