// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace msgraph::detail {

/// The one place that decides what is secret. Logs, what-if output and error messages all go
/// through these functions, so a secret masked in one is masked in all.

/// Whether a header's value is a secret (Authorization, Proxy-Authorization, Cookie, ...).
bool isSecretHeader(std::string_view name) noexcept;

/// The header value as it may be shown: secrets keep only their scheme (`Bearer ***`).
std::string redactHeaderValue(std::string_view name, std::string_view value);

/// Whether a form field, query parameter or JSON key names a secret (`client_secret`,
/// `client_assertion`, `access_token`, `refresh_token`, `password`, ...).
bool isSecretName(std::string_view name) noexcept;

/// A body as it may be shown: the values of secret keys masked, in a form-encoded body or in a
/// JSON object at any depth. Other bodies are returned as they are.
std::string redactBody(std::string_view body);

/// A URL as it may be shown: user information and the values of secret query parameters masked.
std::string redactUrl(std::string_view url);

/// Free text (a libcurl error message, say) as it may be shown: the user information of every
/// `scheme://user:password@host` in it masked.
std::string redactText(std::string_view text);

/// A service's text (an error message or description, a raw error body) as it may be shown:
/// what `redactText` masks, plus what looks like a secret the service echoed back: the value
/// after a secret name (`client_secret=`, `"access_token":`, `assertion: `, ... see
/// isSecretName) and the credentials after `Bearer ` or `Basic `.
std::string redactServiceText(std::string_view text);

/// Masks in `text` every JSON Web Token (`eyJ...`, base64url segments joined by dots): for text
/// from a program or service that may quote a token it holds without naming it (the Azure
/// CLI's stderr).
void maskJsonWebTokens(std::string& text);

/// Replaces every occurrence of `secret` in `text` with `***`: for a secret this client holds
/// (a token it sent, a client secret in the form it posted) that a service quotes back.
/// Secrets shorter than 4 bytes are left alone: masking them would garble ordinary text.
void maskSecret(std::string& text, std::string_view secret);

/// Masks in `text` the values of the secret fields of a form-encoded body that was sent
/// (`client_secret=...&client_assertion=...`), as sent and percent-decoded.
void maskFormSecrets(std::string& text, std::string_view form);

}  // namespace msgraph::detail
