// SPDX-License-Identifier: MIT
// A `$batch` answer from the network gives every request of the envelope exactly one answer:
// its own status (100 to 599), headers and JSON object body, or an error; never a crash.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "msgraph/json/json.hpp"
#include "requests/batch_envelope.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string> ids = {"0", "1", "17", "a"};
  const auto answers = msgraph::detail::readBatchAnswers(body, ids);
  msgraph_fuzz::check(answers.size() == ids.size(), "one answer per request");
  for (const auto& answer : answers) {
    if (answer.error) {
      msgraph_fuzz::check(answer.response.status == 0, "an error comes without a response");
      continue;
    }
    msgraph_fuzz::check(answer.response.status >= 100 && answer.response.status <= 599,
                        "an answer's status is an HTTP status");
    if (!answer.response.body.empty()) {
      msgraph_fuzz::check(msgraph::Json::parse(answer.response.body).isObject(),
                          "an answer's body is a JSON object");
    }
  }
  return 0;
}
