#include "json/json_builder.hpp"

#include <algorithm>
#include <string_view>

#include "json/json_pointer.hpp"

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
  for (const Frame& frame : stack_) {
    if (frame.container->isArray()) {
      appendPointerToken(pointer, std::to_string(frame.index));
    } else {
      appendPointerToken(pointer, frame.key);
    }
  }
}

Json& JsonBuilder::appendMember(JsonObject& object, std::string key) {
  return object.members_.emplace_back(std::move(key), Json()).second;
}

const std::string* JsonBuilder::findDuplicateKey(const JsonObject& object) {
  const auto& members = object.members_;
  if (members.size() < 2) return nullptr;
  std::vector<const std::string*> keys;
  keys.reserve(members.size());
  for (const auto& member : members) keys.push_back(&member.first);
  std::sort(keys.begin(), keys.end(), [](const auto* a, const auto* b) { return *a < *b; });
  auto dup = std::adjacent_find(keys.begin(), keys.end(),
                                [](const auto* a, const auto* b) { return *a == *b; });
  return dup == keys.end() ? nullptr : *dup;
}

bool JsonBuilder::Key(const char* s, SizeType n, bool) {
  stack_.back().key.assign(s, n);
  return true;
}

Json* JsonBuilder::place(Json&& value) {
  if (stack_.empty()) {
    *target_ = std::move(value);
    return target_;
  }
  Frame& top = stack_.back();
  if (top.container->isArray()) {
    top.index = top.container->asArray().size();
    return &top.container->asArray().emplace_back(std::move(value));
  }
  Json& slot = appendMember(top.container->asObject(), top.key);
  slot = std::move(value);
  return &slot;
}

bool JsonBuilder::put(Json&& value) {
  place(std::move(value));
  if (stack_.empty()) active_ = false;
  return true;
}

bool JsonBuilder::open(Json&& container) {
  Json* placed = place(std::move(container));  // placed first, so the pointer names it
  if (stack_.size() >= depthBudget_) {
    failure_ = "is nested deeper than the limit of " + std::to_string(depthLimit_) + " levels";
    return false;
  }
  stack_.push_back({placed, {}, 0});
  return true;
}

bool JsonBuilder::close() {
  Json* closed = stack_.back().container;
  stack_.pop_back();  // popped first, so that the pointer names the closed container
  if (closed->isObject()) {
    if (const std::string* dup = findDuplicateKey(closed->asObject())) {
      failure_ = "has the key '" + *dup + "' more than once";
      return false;
    }
  }
  if (stack_.empty()) active_ = false;
  return true;
}

}  // namespace msgraph::detail
