// SPDX-License-Identifier: MIT
#include "models/model_reader.hpp"

#include "json/json_number.hpp"
#include "json/json_pointer.hpp"
#include "json/utf8.hpp"

namespace msgraph::detail {

namespace {

const char* expected(FieldSlot::Kind kind) {
  switch (kind) {
    case FieldSlot::Kind::String:
      return "a string or null";
    case FieldSlot::Kind::Bool:
      return "a boolean or null";
    default:
      return "an object or null";
  }
}

}  // namespace

ModelReader::ModelReader(std::unique_ptr<ObjectBinder> root, std::size_t depthLimit)
    : root_(std::move(root)), depthLimit_(depthLimit) {}

const char* ModelReader::failure() const noexcept {
  if (!failure_.empty()) return failure_.c_str();
  return unknown_.failure();
}

std::string ModelReader::pointer() const {
  std::string result;
  for (const Frame& frame : frames_) {
    if (frame.inMember) appendPointerToken(result, frame.key);
  }
  if (unknown_.active()) unknown_.appendPointer(result);
  return result;
}

bool ModelReader::valueDone() {
  frames_.back().inMember = false;  // between members, errors point at the object
  return true;
}

bool ModelReader::forwarded(bool ok) {
  if (ok && !unknown_.active()) valueDone();  // the unknown value is complete
  return ok;
}

bool ModelReader::typeError(const char* got) {
  failure_ = std::string("expected ") + expected(frames_.back().slot.kind) + ", got " + got;
  return false;
}

bool ModelReader::notAnObject(const char* got) {
  failure_ = std::string("expected a JSON object, got ") + got;
  return false;
}

bool ModelReader::unknownScalar(Json&& value, const char* got) {
  if (!inModel()) return notAnObject(got);
  Frame& top = frames_.back();
  if (top.slot.kind != FieldSlot::Kind::Unknown) return typeError(got);
  JsonBuilder::appendMember(top.binder->extras(), top.key) = std::move(value);
  return valueDone();
}

bool ModelReader::RawNumber(const char* s, SizeType n, bool copy) {
  if (unknown_.active()) return forwarded(unknown_.RawNumber(s, n, copy));
  std::optional<Json> parsed = parseJsonNumber(std::string_view(s, n));
  if (!parsed) {
    failure_ = "is a number too large for a double";
    return false;
  }
  return number(std::move(*parsed));
}

bool ModelReader::Null() {
  if (unknown_.active()) return forwarded(unknown_.Null());
  if (!inModel()) return notAnObject("null");
  FieldSlot& slot = frames_.back().slot;
  switch (slot.kind) {
    case FieldSlot::Kind::String:
      slot.text->setNull();
      return valueDone();
    case FieldSlot::Kind::Bool:
      slot.flag->setNull();
      return valueDone();
    case FieldSlot::Kind::Object:
      slot.nested->setNull();
      return valueDone();
    default:
      return unknownScalar(Json(), "null");
  }
}

bool ModelReader::Bool(bool b) {
  if (unknown_.active()) return forwarded(unknown_.Bool(b));
  if (inModel() && frames_.back().slot.kind == FieldSlot::Kind::Bool) {
    *frames_.back().slot.flag = b;
    return valueDone();
  }
  return unknownScalar(Json(b), "a boolean");
}

bool ModelReader::String(const char* s, SizeType n, bool copy) {
  if (unknown_.active()) return forwarded(unknown_.String(s, n, copy));
  if (hasEncodedSurrogate(s, n)) {
    failure_ = "contains an unpaired UTF-16 surrogate escape";
    return false;
  }
  if (inModel() && frames_.back().slot.kind == FieldSlot::Kind::String) {
    frames_.back().slot.text->emplace(s, n);
    return valueDone();
  }
  return unknownScalar(Json(std::string(s, n)), "a string");
}

bool ModelReader::startUnknown(bool isObject) {
  Frame& top = frames_.back();
  Json& target = JsonBuilder::appendMember(top.binder->extras(), top.key);
  unknown_.start(target, depthLimit_ - frames_.size(), depthLimit_);
  return isObject ? unknown_.StartObject() : unknown_.StartArray();
}

bool ModelReader::StartObject() {
  if (unknown_.active()) return forwarded(unknown_.StartObject());
  if (!inModel()) {
    if (started_) return notAnObject("more than one value");
    started_ = true;
    root_->begin();
    frames_.push_back({std::move(root_), {}, {}, false});
    return true;
  }
  FieldSlot& slot = frames_.back().slot;
  if (slot.kind == FieldSlot::Kind::Unknown) return startUnknown(true);
  if (slot.kind != FieldSlot::Kind::Object) return typeError("an object");
  if (frames_.size() >= depthLimit_) {
    failure_ = "is nested deeper than the limit of " + std::to_string(depthLimit_) + " levels";
    return false;
  }
  slot.nested->begin();
  frames_.push_back({std::move(slot.nested), {}, {}, false});
  return true;
}

bool ModelReader::StartArray() {
  if (unknown_.active()) return forwarded(unknown_.StartArray());
  if (!inModel()) return notAnObject("an array");
  if (frames_.back().slot.kind == FieldSlot::Kind::Unknown) return startUnknown(false);
  return typeError("an array");
}

bool ModelReader::Key(const char* s, SizeType n, bool copy) {
  if (unknown_.active()) return forwarded(unknown_.Key(s, n, copy));
  Frame& top = frames_.back();
  top.key.assign(s, n);
  top.inMember = true;
  if (hasEncodedSurrogate(s, n)) {
    failure_ = "contains an unpaired UTF-16 surrogate escape";
    return false;
  }
  top.slot = top.binder->bind(top.key);
  if (top.slot.kind == FieldSlot::Kind::Duplicate) {
    failure_ = "appears more than once in the object";
    return false;
  }
  return true;
}

bool ModelReader::EndObject(SizeType n) {
  if (unknown_.active()) return forwarded(unknown_.EndObject(n));
  Frame& top = frames_.back();
  if (const std::string* dup = JsonBuilder::indexMembers(top.binder->extras())) {
    top.key = *dup;
    top.inMember = true;
    failure_ = "appears more than once in the object";
    return false;
  }
  frames_.pop_back();
  return frames_.empty() || valueDone();
}

bool ModelReader::EndArray(SizeType n) {
  // Arrays are only ever unknown values, so the builder is active here.
  return forwarded(unknown_.EndArray(n));
}

}  // namespace msgraph::detail
