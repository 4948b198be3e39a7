// SPDX-License-Identifier: MIT
#include "json/json_builder.hpp"

#include <string_view>

#include "json/json_number.hpp"
#include "json/json_pointer.hpp"
#include "json/utf8.hpp"

namespace msgraph::detail {

void JsonBuilder::start(Json& target, std::size_t depthBudget, std::size_t depthLimit) {
  target_ = &target;
  stack_.clear();
  depthBudget_ = depthBudget;
  depthLimit_ = depthLimit;
  active_ = true;
  failure_.clear();
}

void JsonBuilder::appendPointer(std::string& pointer) const {
  for (std::size_t i = 0; i < stack_.size(); ++i) {
    const Frame& frame = stack_[i];
    if (frame.container->isArray()) {
      // Below the top, the last element is the open child; at the top, the next one is read.
      const std::size_t size = frame.container->asArray().size();
      appendPointerToken(pointer, std::to_string(i + 1 == stack_.size() ? size : size - 1));
    } else if (frame.hasKey) {
      appendPointerToken(pointer, frame.key);
    }
  }
}

Json& JsonBuilder::appendMember(JsonObject& object, std::string key) {
  return object.appendUnchecked(std::move(key));
}

const std::string* JsonBuilder::indexMembers(JsonObject& object) { return object.indexAppended(); }

bool JsonBuilder::refuseSurrogate(const char* s, SizeType n) {
  if (!hasEncodedSurrogate(s, n)) return false;
  failure_ = "contains an unpaired UTF-16 surrogate escape";
  return true;
}

bool JsonBuilder::Key(const char* s, SizeType n, bool) {
  Frame& top = stack_.back();
  top.key.assign(s, n);
  top.hasKey = true;
  return !refuseSurrogate(s, n);
}

bool JsonBuilder::RawNumber(const char* s, SizeType n, bool) {
  std::optional<Json> number = parseJsonNumber(std::string_view(s, n));
  if (!number) {
    failure_ = "is a number too large for a double";
    return false;
  }
  return put(std::move(*number));
}

bool JsonBuilder::String(const char* s, SizeType n, bool) {
  if (refuseSurrogate(s, n)) return false;
  return put(Json(std::string(s, n)));
}

Json* JsonBuilder::place(Json&& value) {
  if (stack_.empty()) {
    *target_ = std::move(value);
    return target_;
  }
  Frame& top = stack_.back();
  if (top.container->isArray()) return &top.container->asArray().emplace_back(std::move(value));
  Json& slot = appendMember(top.container->asObject(), top.key);
  slot = std::move(value);
  return &slot;
}

bool JsonBuilder::put(Json&& value) {
  place(std::move(value));
  valueDone();
  return true;
}

void JsonBuilder::valueDone() {
  if (stack_.empty()) {
    active_ = false;
  } else {
    stack_.back().hasKey = false;  // between members, errors point at the object
  }
}

bool JsonBuilder::open(Json&& container) {
  if (stack_.size() >= depthBudget_) {
    failure_ = "is nested deeper than the limit of " + std::to_string(depthLimit_) + " levels";
    return false;
  }
  stack_.push_back({place(std::move(container)), {}, false});
  return true;
}

bool JsonBuilder::close() {
  Frame& top = stack_.back();
  top.hasKey = false;  // so that a failure points at the container itself
  if (top.container->isObject()) {
    if (const std::string* dup = indexMembers(top.container->asObject())) {
      failure_ = "has the key '" + *dup + "' more than once";
      return false;
    }
  }
  stack_.pop_back();
  valueDone();
  return true;
}

}  // namespace msgraph::detail
