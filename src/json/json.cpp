// SPDX-License-Identifier: MIT
#include "msgraph/json/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "json/json_builder.hpp"
#include "json/json_object_index.hpp"
#include "json/json_tree.hpp"
#include "json/json_writer.hpp"
#include "json/sax_parse.hpp"

namespace msgraph {

JsonObject::JsonObject() noexcept = default;

JsonObject::JsonObject(std::initializer_list<Member> members) {
  members_.reserve(members.size());
  for (const auto& member : members) set(member.first, member.second);
}

JsonObject::JsonObject(const JsonObject& other) { detail::JsonTree::copyObject(other, *this); }

JsonObject::JsonObject(JsonObject&& other) noexcept
    : members_(std::move(other.members_)), index_(std::move(other.index_)) {
  other.members_.clear();
  rebindIndex();
}

JsonObject& JsonObject::operator=(const JsonObject& other) {
  if (this != &other) *this = JsonObject(other);
  return *this;
}

JsonObject& JsonObject::operator=(JsonObject&& other) noexcept {
  if (this != &other) {
    members_ = std::move(other.members_);
    index_ = std::move(other.index_);
    other.members_.clear();
    rebindIndex();
  }
  return *this;
}

JsonObject::~JsonObject() = default;

void JsonObject::rebindIndex() noexcept {
  if (index_) index_->rebind(members_);
}

std::size_t JsonObject::position(std::string_view key) const noexcept {
  if (index_) return index_->find(key);
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (members_[i].first == key) return i;
  }
  return detail::JsonObjectIndex::npos;
}

Json& JsonObject::append(std::string key, Json value) {
  members_.emplace_back(std::move(key), std::move(value));
  try {
    if (index_) {
      index_->add(members_.size() - 1);
    } else if (members_.size() > kIndexThreshold) {
      indexAppended();  // the keys are unique: no duplicate to report
    }
  } catch (...) {
    members_.pop_back();  // an unindexed member would be invisible to find
    throw;
  }
  return members_.back().second;
}

Json& JsonObject::appendUnchecked(std::string key) {
  return members_.emplace_back(std::move(key), Json()).second;
}

const std::string* JsonObject::indexAppended() {
  index_.reset();
  if (members_.size() <= kIndexThreshold) {
    // A handful of keys: comparing each pair is faster than sorting and allocates nothing.
    for (std::size_t i = 1; i < members_.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (members_[i].first == members_[j].first) return &members_[i].first;
      }
    }
    return nullptr;
  }
  auto index = std::make_unique<detail::JsonObjectIndex>(members_);
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (!index->add(i)) return &members_[i].first;
  }
  index_ = std::move(index);
  return nullptr;
}

Json& JsonObject::set(std::string key, Json value) {
  if (Json* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  return append(std::move(key), std::move(value));
}

const Json* JsonObject::find(std::string_view key) const noexcept {
  const std::size_t at = position(key);
  return at == detail::JsonObjectIndex::npos ? nullptr : &members_[at].second;
}

Json* JsonObject::find(std::string_view key) noexcept {
  return const_cast<Json*>(static_cast<const JsonObject*>(this)->find(key));
}

bool JsonObject::erase(std::string_view key) {
  const std::size_t at = position(key);
  if (at == detail::JsonObjectIndex::npos) return false;
  members_.erase(members_.begin() + static_cast<std::ptrdiff_t>(at));
  if (members_.size() <= kIndexThreshold) {
    index_.reset();
  } else if (index_) {
    try {
      index_->erase(at);
    } catch (...) {
      index_.reset();  // out of memory for the new index: lookups scan until one is built
    }
  }
  return true;
}

Json& JsonObject::operator[](std::string_view key) {
  if (Json* existing = find(key)) return *existing;
  return append(std::string(key), Json());
}

void JsonObject::clear() noexcept {
  members_.clear();
  index_.reset();
}

bool operator==(const JsonObject& a, const JsonObject& b) noexcept {
  return detail::JsonTree::equal(a, b);
}

Json Json::object(std::initializer_list<JsonObject::Member> members) {
  return Json(JsonObject(members));
}

Json::Json(const Json& other) {
  if (other.isArray()) {
    detail::JsonTree::copyArray(other.asArray(), value_.emplace<Array>());
  } else if (other.isObject()) {
    detail::JsonTree::copyObject(other.asObject(), value_.emplace<Object>());
  } else {
    value_ = other.value_;
  }
}

Json& Json::operator=(const Json& other) {
  if (this != &other) *this = Json(other);
  return *this;
}

void Json::releaseChildren() noexcept {
  // Plain recursion (each child's destructor comes back here one level deeper) while the value
  // is shallow, as nearly every value is; deeper than that, an explicit stack. The depth has to
  // be thread-local because the recursion passes through destructors, which take no argument.
  thread_local std::size_t depth = 0;
  if (depth >= detail::JsonTree::kRecursionBudget) {
    detail::JsonTree::dismantle(*this);
    return;
  }
  ++depth;
  value_ = nullptr;  // destroys the children now
  --depth;
}

void Json::normalizeUnsigned() noexcept {
  // One representation per integer value: UInt only above INT64_MAX, so equality is simple.
  const auto u = std::get<std::uint64_t>(value_);
  if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    value_ = static_cast<std::int64_t>(u);
  }
}

double Json::asDouble() const {
  switch (type()) {
    case Type::Int:
      return static_cast<double>(asInt());
    case Type::UInt:
      return static_cast<double>(asUInt());
    default:
      return std::get<double>(value_);
  }
}

const Json* Json::find(std::string_view key) const noexcept {
  return isObject() ? asObject().find(key) : nullptr;
}

Json& Json::set(std::string key, Json value) {
  return asObject().set(std::move(key), std::move(value));
}

bool operator==(const Json& a, const Json& b) noexcept { return detail::JsonTree::equal(a, b); }

Json Json::parse(std::string_view text, const JsonParseOptions& options) {
  Json result;
  detail::JsonBuilder builder;
  const std::size_t depth = detail::effectiveDepth(options);
  builder.start(result, depth, depth);
  detail::parseDocument(text, options, builder);
  return result;
}

std::string Json::dump(bool pretty) const {
  std::string out;
  const detail::PathNode root;
  detail::JsonWriter(out, JsonParseOptions::kDepthCeiling).value(*this, root);
  if (!pretty) return out;
  std::string indented;  // valid now: the compact pass checked every string and number
  detail::PrettyJsonWriter(indented, JsonParseOptions::kDepthCeiling).value(*this, root);
  return indented;
}

}  // namespace msgraph
