// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

/// @file
/// The tool's one filter between text it did not write (Graph's answers, headers, the user's
/// own input echoed back) and a terminal. Every human-readable output goes through
/// `terminalSafe` or `terminalSafeLines`, every JSON output through `terminalSafeJson`.

namespace msgraph_cli {

/// `text` safe to show on a terminal, so that a service cannot move the cursor, retitle or
/// clear the screen, forge lines or reorder what is shown:
/// - C0 controls (newline and tab included) and DEL become `\xNN`, as does a byte that is not
///   part of valid UTF-8;
/// - C1 controls (U+0080 to U+009F), the bidirectional embeddings, overrides and isolates
///   (U+202A to U+202E, U+2066 to U+2069) and the line and paragraph separators (U+2028,
///   U+2029) become `\uNNNN`.
/// Everything else, other non-ASCII text included, is kept as it is.
std::string terminalSafe(std::string_view text);

/// As `terminalSafe`, but keeps line feeds: for the tool's own multi-line text (a request
/// shown by --what-if or --verbose) whose service-supplied parts are already single-line.
std::string terminalSafeLines(std::string_view text);

/// `json` (the output of a JSON writer) with the characters `terminalSafe` escapes, which a
/// writer leaves raw inside strings (DEL, C1, bidirectional controls, U+2028/U+2029), written
/// as `\uNNNN` escapes: the same JSON value, safe on a terminal. A writer never emits raw C0
/// controls, and none of these characters can occur outside a string.
std::string terminalSafeJson(std::string_view json);

}  // namespace msgraph_cli
