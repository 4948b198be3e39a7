// SPDX-License-Identifier: MIT
#include "faults/oversize_body.hpp"

#include "msgraph/json/json.hpp"

namespace emulator {

std::string oversizeBody(std::size_t bytes, const std::string& baseUrl) {
  // Serialized by the JSON writer so that any character of the base URL is escaped properly.
  std::string body =
      msgraph::Json::object(
          {{"@odata.context", baseUrl + "/v1.0/$metadata#oversizeFault"}, {"padding", ""}})
          .dump();
  if (bytes < body.size()) return std::string(bytes, '1');
  // The padding goes between the empty string's quotes, just before the closing `"}`.
  body.insert(body.size() - 2, bytes - body.size(), 'x');
  return body;
}

}  // namespace emulator
