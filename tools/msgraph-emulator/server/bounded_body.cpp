// SPDX-License-Identifier: MIT
#include "server/bounded_body.hpp"

namespace emulator {

BodyRead readBoundedBody(const httplib::Request& request, const httplib::Response& response,
                         const httplib::ContentReader& reader, std::size_t limit,
                         std::string& body) {
  struct Kept {
    std::string& body;
    std::size_t limit;
    bool over;
  } kept{body, limit, false};
  // Captures one pointer, so that httplib's copies of the receiver allocate nothing.
  const httplib::ContentReceiver keep = [&kept](const char* data, std::size_t length) {
    if (kept.over || length > kept.limit - kept.body.size()) {
      kept.over = true;
    } else {
      kept.body.append(data, length);
    }
    return true;
  };
  const bool read = request.is_multipart_form_data()
                        ? reader([](const httplib::MultipartFormData&) { return true; }, keep)
                        : reader(keep);
  // httplib answers a Content-Length over its payload limit with 413 without calling `keep`.
  if (kept.over || (!read && response.status == 413)) return BodyRead::TooLarge;
  return read ? BodyRead::Complete : BodyRead::Malformed;
}

}  // namespace emulator
