// SPDX-License-Identifier: MIT
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

#include "json/json_pointer.hpp"
#include "json/json_string.hpp"
#include "json/utf8.hpp"
#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// RapidJSON output stream that appends straight to a std::string (no intermediate buffer).
class StringSink {
 public:
  using Ch = char;
  explicit StringSink(std::string& out) : out_(&out) {}
  void Put(char c) { out_->push_back(c); }
  void Flush() {}
  std::string& string() { return *out_; }

 private:
  std::string* out_;
};

/// RapidJSON's compact writer, with strings and keys appended a run at a time (RapidJSON's own
/// goes through the sink a byte at a time). It does not check UTF-8: BasicJsonWriter checks every
/// string and key before it writes it.
class CompactWriter : public rapidjson::Writer<StringSink, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                               rapidjson::CrtAllocator, rapidjson::kWriteNoFlags> {
 public:
  explicit CompactWriter(StringSink& sink) : Writer(sink) {}
  bool String(const char* text, rapidjson::SizeType length, bool = false) {
    Prefix(rapidjson::kStringType);
    appendJsonString(os_->string(), {text, length});
    return EndValue(true);
  }
  bool Key(const char* text, rapidjson::SizeType length, bool copy = false) {
    return String(text, length, copy);
  }
  // A key known to need no escaping and no UTF-8 check: a schema's property name.
  void PlainKey(std::string_view name) {
    Prefix(rapidjson::kStringType);
    std::string& out = os_->string();
    out.push_back('"');
    out.append(name);
    out.push_back('"');
    EndValue(true);
  }
};
// RapidJSON's writers do not check UTF-8 here either (see CompactWriter).
using PrettyWriter = rapidjson::PrettyWriter<StringSink, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                             rapidjson::CrtAllocator>;

/// Drives a RapidJSON SAX writer. Every value is checked as it is written (strings must be
/// UTF-8, numbers finite, nesting no deeper than `maxDepth` levels, the top level counting as
/// 1, as the reader counts); a failure is a ValidationError naming the JSON pointer of the
/// value.
template <typename Writer>
class BasicJsonWriter {
 public:
  BasicJsonWriter(std::string& out, std::size_t maxDepth)
      : sink_(out), writer_(sink_), maxDepth_(maxDepth) {
    if constexpr (std::is_same_v<Writer, PrettyWriter>) writer_.SetIndent(' ', 2);
  }

  void startObject() { writer_.StartObject(); }
  void endObject() { writer_.EndObject(); }
  void key(std::string_view name, const PathNode& at) {
    check(isValidUtf8(name) && writer_.Key(name.data(), size(name)), at,
          "its key is not valid UTF-8");
  }
  /// A property name of the schema (an ASCII identifier, never escaped): not checked. Never a
  /// key from input (additionalProperties go through key()).
  void propertyKey(std::string_view name) {
    static_assert(std::is_same_v<Writer, CompactWriter>, "models are written compact");
    writer_.PlainKey(name);
  }
  void string(std::string_view text, const PathNode& at) {
    check(isValidUtf8(text) && writer_.String(text.data(), size(text)), at, "is not valid UTF-8");
  }
  void boolean(bool value) { writer_.Bool(value); }
  void null() { writer_.Null(); }

  /// Writes a whole Json value with an explicit stack, so a deep value never recurses.
  void value(const Json& root, const PathNode& at);

 private:
  struct Frame {
    const Json* container;
    std::size_t next;  // index of the next child to write
  };

  static rapidjson::SizeType size(std::string_view text) {
    return static_cast<rapidjson::SizeType>(text.size());
  }
  static void check(bool ok, const PathNode& at, const char* reason) {
    if (!ok) fail(at.toString(), reason);
  }
  [[noreturn]] static void fail(const std::string& pointer, const char* reason) {
    throw ValidationError(pointer.empty() ? "/" : pointer, reason);
  }
  // Writes a scalar; returns false for a container. On failure returns the reason.
  bool scalar(const Json& v, const char*& failure);
  static std::string pointerOf(const std::vector<Frame>& stack, const PathNode& at);
  void open(const Json& container, std::vector<Frame>& stack, const PathNode& at,
            std::size_t atLevel);

  StringSink sink_;
  Writer writer_;
  std::size_t maxDepth_;
};

template <typename Writer>
bool BasicJsonWriter<Writer>::scalar(const Json& v, const char*& failure) {
  bool ok = true;
  switch (v.type()) {
    case Json::Type::Null:
      writer_.Null();
      break;
    case Json::Type::Bool:
      writer_.Bool(v.asBool());
      break;
    case Json::Type::Int:
      writer_.Int64(v.asInt());
      break;
    case Json::Type::UInt:
      writer_.Uint64(v.asUInt());
      break;
    case Json::Type::Double:
      ok = writer_.Double(v.asDouble());
      if (!ok) failure = "is not a finite number (NaN and infinity have no JSON form)";
      break;
    case Json::Type::String:
      ok = isValidUtf8(v.asString()) && writer_.String(v.asString().data(), size(v.asString()));
      if (!ok) failure = "is not valid UTF-8";
      break;
    default:
      return false;
  }
  return true;
}

// The pointer of the child being written: `at`, then one token per open container.
template <typename Writer>
std::string BasicJsonWriter<Writer>::pointerOf(const std::vector<Frame>& stack,
                                               const PathNode& at) {
  std::string pointer = at.toString();
  for (const Frame& frame : stack) {
    std::size_t index = frame.next - 1;
    if (frame.container->isArray()) {
      appendPointerToken(pointer, std::to_string(index));
    } else {
      appendPointerToken(pointer, (frame.container->asObject().begin() + index)->first);
    }
  }
  return pointer;
}

// Starts a container at level `atLevel + stack.size() + 1`, refusing one the reader would.
template <typename Writer>
void BasicJsonWriter<Writer>::open(const Json& container, std::vector<Frame>& stack,
                                   const PathNode& at, std::size_t atLevel) {
  if (atLevel + stack.size() >= maxDepth_) {
    const std::string reason = "is nested deeper than the limit of " + std::to_string(maxDepth_) +
                               " levels, which the reader would refuse";
    fail(pointerOf(stack, at), reason.c_str());
  }
  container.isArray() ? writer_.StartArray() : writer_.StartObject();
  stack.push_back({&container, 0});
}

template <typename Writer>
void BasicJsonWriter<Writer>::value(const Json& root, const PathNode& at) {
  std::vector<Frame> stack;
  const std::size_t atLevel = at.levels();
  const Json* current = &root;
  const char* failure = nullptr;
  for (;;) {
    if (current != nullptr) {
      if (!scalar(*current, failure)) open(*current, stack, at, atLevel);
      if (failure != nullptr) fail(pointerOf(stack, at), failure);
      current = nullptr;
    }
    if (stack.empty()) return;
    Frame& top = stack.back();
    const bool isArray = top.container->isArray();
    const std::size_t count =
        isArray ? top.container->asArray().size() : top.container->asObject().size();
    if (top.next == count) {
      isArray ? writer_.EndArray() : writer_.EndObject();
      stack.pop_back();
      continue;
    }
    if (isArray) {
      current = &top.container->asArray()[top.next++];
    } else {
      const auto& member = *(top.container->asObject().begin() + top.next++);
      if (!isValidUtf8(member.first) || !writer_.Key(member.first.data(), size(member.first))) {
        fail(pointerOf(stack, at), "has a key that is not valid UTF-8");
      }
      current = &member.second;
    }
  }
}

using JsonWriter = BasicJsonWriter<CompactWriter>;
using PrettyJsonWriter = BasicJsonWriter<PrettyWriter>;

}  // namespace msgraph::detail
