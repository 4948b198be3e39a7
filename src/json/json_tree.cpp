// SPDX-License-Identifier: MIT
#include "json/json_tree.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include "json/json_object_index.hpp"

namespace msgraph::detail {

namespace {

// A container with children: the only kind of value whose copy, destruction or comparison
// would go deeper.
bool hasChildren(const Json& value) noexcept {
  return (value.isArray() && !value.asArray().empty()) ||
         (value.isObject() && !value.asObject().empty());
}

// Compares level by level: containers of equal size are queued and their children compared
// when popped.
class Comparer {
 public:
  bool values(const Json& a, const Json& b) {
    if (a.type() != b.type()) return false;
    switch (a.type()) {
      case Json::Type::Null:
        return true;
      case Json::Type::Bool:
        return a.asBool() == b.asBool();
      case Json::Type::Int:
        return a.asInt() == b.asInt();
      case Json::Type::UInt:
        return a.asUInt() == b.asUInt();
      case Json::Type::Double: {
        // Bitwise identity for the values JSON can hold: -0.0 differs from 0.0.
        const double x = a.asDouble();
        const double y = b.asDouble();
        return x == y && std::signbit(x) == std::signbit(y);
      }
      case Json::Type::String:
        return a.asString() == b.asString();
      case Json::Type::Array:
        if (a.asArray().size() != b.asArray().size()) return false;
        break;
      case Json::Type::Object:
        if (a.asObject().size() != b.asObject().size()) return false;
        break;
    }
    if (hasChildren(a)) later_.emplace_back(&a, &b);
    return true;
  }
  bool members(const JsonObject& a, const JsonObject& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [key, value] : a) {
      const Json* other = b.find(key);
      if (other == nullptr || !values(value, *other)) return false;
    }
    return true;
  }
  bool finish() {
    while (!later_.empty()) {
      const auto [a, b] = later_.back();
      later_.pop_back();
      if (!(a->isArray() ? elements(a->asArray(), b->asArray())
                         : members(a->asObject(), b->asObject()))) {
        return false;
      }
    }
    return true;
  }

 private:
  bool elements(const Json::Array& a, const Json::Array& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!values(a[i], b[i])) return false;
    }
    return true;
  }

  std::vector<std::pair<const Json*, const Json*>> later_;
};

}  // namespace

// Copies level by level. Each destination container is sized before its children are added,
// so the pointers to the children queued in `later` stay valid.
class JsonTree::Copier {
 public:
  void elements(const Json::Array& from, Json::Array& to) {
    to.reserve(from.size());
    for (const Json& element : from) child(element, to.emplace_back());
  }
  void members(const JsonObject& from, JsonObject& to) {
    to.members_.reserve(from.members_.size());
    for (const auto& [key, value] : from.members_)
      child(value, to.members_.emplace_back(key, Json()).second);
    if (from.index_) to.index_ = from.index_->copyFor(to.members_);
  }
  void finish() {
    while (!later_.empty()) {
      const auto [from, to] = later_.back();
      later_.pop_back();
      if (from->isArray()) {
        elements(from->asArray(), to->asArray());
      } else {
        members(from->asObject(), to->asObject());
      }
    }
  }

 private:
  void child(const Json& from, Json& to) {
    if (!hasChildren(from)) {
      to = from;  // a scalar or an empty container: no deeper copy
    } else {
      to = from.isArray() ? Json::array() : Json::object();
      later_.emplace_back(&from, &to);
    }
  }

  std::vector<std::pair<const Json*, Json*>> later_;
};

// Moves the containers with children that sit directly in `value` to `pending`.
void JsonTree::moveNestedChildren(Json& value, std::vector<Json>& pending) {
  auto take = [&](Json& child) {
    if (hasChildren(child)) pending.push_back(std::move(child));
  };
  if (value.isArray()) {
    for (Json& element : value.asArray()) take(element);
  } else if (value.isObject()) {
    for (auto& member : value.asObject().members_) take(member.second);
  }
}

void JsonTree::copyArray(const Json::Array& from, Json::Array& to) {
  Copier copier;
  copier.elements(from, to);
  copier.finish();
}

void JsonTree::copyObject(const JsonObject& from, JsonObject& to) {
  Copier copier;
  copier.members(from, to);
  copier.finish();
}

void JsonTree::dismantle(Json& root) noexcept {
  std::vector<Json> pending;
  moveNestedChildren(root, pending);
  while (!pending.empty()) {
    Json last = std::move(pending.back());
    pending.pop_back();
    moveNestedChildren(last, pending);
  }  // each `last` is destroyed here with nothing but scalars and empty containers in it
}

bool JsonTree::equal(const Json& a, const Json& b) noexcept {
  Comparer comparer;
  return comparer.values(a, b) && comparer.finish();
}

bool JsonTree::equal(const JsonObject& a, const JsonObject& b) noexcept {
  Comparer comparer;
  return comparer.members(a, b) && comparer.finish();
}

}  // namespace msgraph::detail
