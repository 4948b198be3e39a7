// SPDX-License-Identifier: MIT
#include "msgraph/json/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "json/json_builder.hpp"
#include "json/json_writer.hpp"
#include "json/sax_parse.hpp"

namespace msgraph {

JsonObject::JsonObject(std::initializer_list<Member> members) {
  members_.reserve(members.size());
  for (const auto& member : members) set(member.first, member.second);
}

Json& JsonObject::set(std::string key, Json value) {
  if (Json* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  return members_.emplace_back(std::move(key), std::move(value)).second;
}

const Json* JsonObject::find(std::string_view key) const noexcept {
  for (const auto& member : members_) {
    if (member.first == key) return &member.second;
  }
  return nullptr;
}

Json* JsonObject::find(std::string_view key) noexcept {
  return const_cast<Json*>(static_cast<const JsonObject*>(this)->find(key));
}

bool JsonObject::erase(std::string_view key) {
  auto it = std::find_if(members_.begin(), members_.end(),
                         [&](const Member& member) { return member.first == key; });
  if (it == members_.end()) return false;
  members_.erase(it);
  return true;
}

Json& JsonObject::operator[](std::string_view key) {
  if (Json* existing = find(key)) return *existing;
  return members_.emplace_back(std::string(key), Json()).second;
}

bool operator==(const JsonObject& a, const JsonObject& b) noexcept {
  if (a.size() != b.size()) return false;
  for (const auto& member : a) {
    const Json* other = b.find(member.first);
    if (other == nullptr || !(*other == member.second)) return false;
  }
  return true;
}

Json Json::object(std::initializer_list<JsonObject::Member> members) {
  return Json(JsonObject(members));
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

bool operator==(const Json& a, const Json& b) noexcept {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Json::Type::Double: {
      // Bitwise identity for the values JSON can hold: -0.0 differs from 0.0.
      const double x = std::get<double>(a.value_);
      const double y = std::get<double>(b.value_);
      return x == y && std::signbit(x) == std::signbit(y);
    }
    default:
      return a.value_ == b.value_;
  }
}

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
  detail::JsonWriter(out).value(*this, root);
  if (!pretty) return out;
  std::string indented;  // valid now: the compact pass checked every string and number
  detail::PrettyJsonWriter(indented).value(*this, root);
  return indented;
}

}  // namespace msgraph
