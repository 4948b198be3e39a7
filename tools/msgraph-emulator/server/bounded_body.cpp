// SPDX-License-Identifier: MIT
#include "server/bounded_body.hpp"

namespace emulator {

BodyRead readBoundedBody(const httplib::Request& request, const httplib::Response& response,
                         const httplib::ContentReader& reader, std::size_t limit,
                         std::string& body) {
  bool over = false;
  const httplib::ContentReceiver keep = [&](const char* data, std::size_t length) {
    if (over || length > limit - body.size()) {
      over = true;
      return true;
    }
    body.append(data, length);
    return true;
  };
  const bool read = request.is_multipart_form_data()
                        ? reader([](const httplib::MultipartFormData&) { return true; }, keep)
                        : reader(keep);
  // httplib answers a Content-Length over its payload limit with 413 without calling `keep`.
  if (over || (!read && response.status == 413)) return BodyRead::TooLarge;
  return read ? BodyRead::Complete : BodyRead::Malformed;
}

}  // namespace emulator
