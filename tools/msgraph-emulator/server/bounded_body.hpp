// SPDX-License-Identifier: MIT
#pragma once

#include <httplib.h>

#include <cstddef>
#include <string>

namespace emulator {

/// How reading a request body ended.
enum class BodyRead { Complete, TooLarge, Malformed };

/// Reads the body of `request` through httplib's content reader into `body`, keeping at most
/// `limit` bytes whatever the framing: Content-Length (httplib itself skips a body declared
/// over the limit), chunked, or up to the end of the connection. Bytes past the limit are
/// counted and dropped as they arrive, not stored, and the body is read to its end so that the
/// connection stays usable for the 413. A multipart body is read through httplib's multipart
/// parser, which requires it; its parts' contents are appended (the emulator answers any body
/// that is not JSON with 415).
/// @return TooLarge past the limit, Malformed if the framing is broken or the connection ends
/// early, else Complete.
BodyRead readBoundedBody(const httplib::Request& request, const httplib::Response& response,
                         const httplib::ContentReader& reader, std::size_t limit,
                         std::string& body);

}  // namespace emulator
