// SPDX-License-Identifier: MIT
#include "json/json_tree.hpp"

#include <cmath>
#include <utility>

#include "json/json_object_index.hpp"
#include "json/small_stack.hpp"

namespace msgraph::detail {

namespace {

// A container with children: the only kind of value whose copy, destruction or comparison
// would go deeper.
bool hasChildren(const Json& value) noexcept {
  return (value.isArray() && !value.asArray().empty()) ||
         (value.isObject() && !value.asObject().empty());
}

bool hasNestedChildren(const Json& value) noexcept {
  if (value.isArray()) {
    for (const Json& element : value.asArray()) {
      if (hasChildren(element)) return true;
    }
  } else if (value.isObject()) {
    for (const auto& member : value.asObject()) {
      if (hasChildren(member.second)) return true;
    }
  }
  return false;
}

Json emptyLike(const Json& container) {
  return container.isArray() ? Json::array() : Json::object();
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
    if (hasChildren(a)) later_.push({&a, &b});
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
      const Pair pair = later_.pop();
      if (!(pair.a->isArray() ? elements(pair.a->asArray(), pair.b->asArray())
                              : members(pair.a->asObject(), pair.b->asObject()))) {
        return false;
      }
    }
    return true;
  }

 private:
  struct Pair {
    const Json* a;
    const Json* b;
  };

  bool elements(const Json::Array& a, const Json::Array& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!values(a[i], b[i])) return false;
    }
    return true;
  }

  SmallStack<Pair, JsonTree::kStackInline> later_;
};

}  // namespace

// Copies level by level. Each destination container is sized before its children are added,
// so the pointers to the children queued in `later_` stay valid.
class JsonTree::Copier {
 public:
  void elements(const Json::Array& from, Json::Array& to) {
    to.reserve(from.size());
    for (const Json& element : from) {
      if (hasChildren(element)) {
        later_.push({&element, &to.emplace_back(emptyLike(element))});
      } else {
        to.push_back(element);  // a scalar or an empty container: no deeper copy
      }
    }
  }
  void members(const JsonObject& from, JsonObject& to) {
    to.members_.reserve(from.members_.size());
    for (const auto& member : from.members_) {
      if (hasChildren(member.second)) {
        Json& copy = to.members_.emplace_back(member.first, emptyLike(member.second)).second;
        later_.push({&member.second, &copy});
      } else {
        to.members_.push_back(member);
      }
    }
    if (from.index_) to.index_ = from.index_->copyFor(to.members_);
  }
  void finish() {
    while (!later_.empty()) {
      const Task task = later_.pop();
      if (task.from->isArray()) {
        elements(task.from->asArray(), task.to->asArray());
      } else {
        members(task.from->asObject(), task.to->asObject());
      }
    }
  }

 private:
  struct Task {
    const Json* from;
    Json* to;  // holds an empty container of the same kind
  };

  SmallStack<Task, JsonTree::kStackInline> later_;
};

void JsonTree::moveNestedChildren(Json& value, SmallStack<Json, kStackInline>& pending) {
  auto take = [&](Json& child) {
    if (hasChildren(child)) pending.push(std::move(child));
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
  if (from.empty()) return;
  Copier copier;
  copier.members(from, to);
  copier.finish();
}

void JsonTree::dismantle(Json& root) noexcept {
  if (!hasNestedChildren(root)) return;  // the common case: its children go no deeper
  SmallStack<Json, kStackInline> pending;
  moveNestedChildren(root, pending);
  while (!pending.empty()) {
    Json last = pending.pop();
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
