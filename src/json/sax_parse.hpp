// SPDX-License-Identifier: MIT
#pragma once

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// A RapidJSON input stream over a string_view (not NUL-terminated, embedded NULs allowed).
class ViewStream {
 public:
  using Ch = char;
  explicit ViewStream(std::string_view text)
      : begin_(text.data()), cur_(begin_), end_(begin_ + text.size()) {}
  Ch Peek() const { return cur_ == end_ ? '\0' : *cur_; }
  Ch Take() { return cur_ == end_ ? '\0' : *cur_++; }
  std::size_t Tell() const { return static_cast<std::size_t>(cur_ - begin_); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  const char* begin_;
  const char* cur_;
  const char* end_;
};

/// The most nesting a parse may allow, after clamping to the ceiling.
inline std::size_t effectiveDepth(const JsonParseOptions& options) {
  return options.maxDepth < JsonParseOptions::kDepthCeiling ? options.maxDepth
                                                            : JsonParseOptions::kDepthCeiling;
}

/// Runs RapidJSON's iterative, UTF-8-validating SAX reader over `text` into `handler`, which
/// must offer failure() (its own reason for refusing an event, or nullptr) and pointer() (where
/// it is). Every failure becomes a DeserializationError naming the JSON pointer.
template <typename Handler>
void parseDocument(std::string_view text, const JsonParseOptions& options, Handler& handler) {
  if (text.size() > options.maxBytes) {
    throw DeserializationError("", "is " + std::to_string(text.size()) +
                                       " bytes, more than the limit of " +
                                       std::to_string(options.maxBytes));
  }
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;  // see json_number.hpp
  rapidjson::Reader reader;
  ViewStream stream(text);
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  if (!result) {
    if (const char* reason = handler.failure())
      throw DeserializationError(handler.pointer(), reason);
    throw DeserializationError(handler.pointer(), std::string("is not valid JSON: ") +
                                                      rapidjson::GetParseError_En(result.Code()) +
                                                      " (at byte " +
                                                      std::to_string(result.Offset()) + ")");
  }
  if (stream.Tell() != text.size()) {
    throw DeserializationError("", "is not valid JSON: a NUL byte follows the value (at byte " +
                                       std::to_string(stream.Tell()) + ")");
  }
}

}  // namespace msgraph::detail
