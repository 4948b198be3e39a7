// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// The `$skiptoken` of the page after the one that ended with `lastKey`. It names the last key
/// returned, not an offset, so that partners added or removed between pages neither shift a
/// partner that exists throughout into the next page twice nor out of it. The key is signed
/// with a secret drawn when the emulator starts, so a token is opaque to callers and only the
/// emulator that issued it accepts it.
std::string skipTokenAfter(std::string_view lastKey);

/// The key a `$skiptoken` made by skipTokenAfter names; nullopt for anything else (malformed,
/// truncated, forged, or issued by another emulator run), which the caller answers with a 400.
std::optional<std::string> keyOfSkipToken(std::string_view token);

}  // namespace emulator
