// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "json/json_builder.hpp"
#include "json/sax_parse.hpp"
#include "models/model_fields.hpp"
#include "msgraph/models/property_name.hpp"

namespace msgraph::detail {

class ObjectBinder;

/// Where the value of one member goes while a model is read.
struct FieldSlot {
  enum class Kind { Unknown, String, Bool, Object, Duplicate };
  Kind kind = Kind::Unknown;
  models::Property<std::string>* text = nullptr;
  models::Property<bool>* flag = nullptr;
  std::unique_ptr<ObjectBinder> nested;  // for Kind::Object
};

/// A model (or a model-typed property) being filled from SAX events.
class ObjectBinder {
 public:
  virtual ~ObjectBinder() = default;
  /// The value is an object: make the model exist.
  virtual void begin() = 0;
  /// The value is null.
  virtual void setNull() = 0;
  /// Where the member `key` goes.
  virtual FieldSlot bind(std::string_view key) = 0;
  /// Where unknown members go.
  virtual JsonObject& extras() = 0;
};

template <typename Model>
class ModelBinder;

inline FieldSlot slotFor(models::Property<std::string>& property) {
  FieldSlot slot;
  slot.kind = property.isAbsent() ? FieldSlot::Kind::String : FieldSlot::Kind::Duplicate;
  slot.text = &property;
  return slot;
}
inline FieldSlot slotFor(models::Property<bool>& property) {
  FieldSlot slot;
  slot.kind = property.isAbsent() ? FieldSlot::Kind::Bool : FieldSlot::Kind::Duplicate;
  slot.flag = &property;
  return slot;
}
template <typename Nested>
FieldSlot slotFor(models::Property<Nested>& property) {
  FieldSlot slot;
  slot.kind = property.isAbsent() ? FieldSlot::Kind::Object : FieldSlot::Kind::Duplicate;
  slot.nested = std::make_unique<ModelBinder<Nested>>(property);
  return slot;
}

/// Binds member names to the typed properties listed in Fields<Model>, in any case as Graph
/// does (namesProperty).
template <typename Model>
class ModelBinder final : public ObjectBinder {
 public:
  explicit ModelBinder(Model& root) : model_(&root) {}
  explicit ModelBinder(models::Property<Model>& property) : property_(&property) {}

  void begin() override {
    if (property_ != nullptr) model_ = &property_->emplace();
  }
  void setNull() override { property_->setNull(); }
  FieldSlot bind(std::string_view key) override {
    FieldSlot slot;
    bool found = false;
    Fields<Model>::each(
        [&](const char* name, auto& property) {
          if (!found && models::namesProperty(key, name)) {
            found = true;
            slot = slotFor(property);
          }
        },
        *model_);
    return slot;
  }
  JsonObject& extras() override { return model_->additionalProperties; }

 private:
  Model* model_ = nullptr;
  models::Property<Model>* property_ = nullptr;
};

/// The SAX handler that reads a model: typed members go straight into their properties, unknown
/// members are built as Json by a JsonBuilder. No DOM, no recursion on the input's depth.
class ModelReader {
 public:
  using SizeType = rapidjson::SizeType;
  ModelReader(std::unique_ptr<ObjectBinder> root, std::size_t depthLimit);

  const char* failure() const noexcept;
  std::string pointer() const;

  bool Null();
  bool Bool(bool b);
  // The reader runs with kParseNumbersAsStringsFlag, so every number arrives as RawNumber;
  // these exist only because RapidJSON's handler concept names them.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, SizeType n, bool copy);  // every number: see json_number.hpp
  bool String(const char* s, SizeType n, bool copy);
  bool StartObject();
  bool Key(const char* s, SizeType n, bool copy);
  bool EndObject(SizeType n);
  bool StartArray();
  bool EndArray(SizeType n);

 private:
  struct Frame {
    std::unique_ptr<ObjectBinder> binder;
    std::string key;        // the member being read
    FieldSlot slot;         // where its value goes
    bool inMember = false;  // a key has been read
  };

  bool inModel() const { return !frames_.empty(); }
  bool number(Json&& value) { return unknownScalar(std::move(value), "a number"); }
  bool unknownScalar(Json&& value, const char* got);
  bool startUnknown(bool isObject);
  bool typeError(const char* got);
  bool valueDone();
  bool forwarded(bool ok);
  bool notAnObject(const char* got);

  std::unique_ptr<ObjectBinder> root_;
  std::vector<Frame> frames_;
  JsonBuilder unknown_;
  std::size_t depthLimit_;
  bool started_ = false;
  std::string failure_;
};

/// Reads a model from JSON text with the library's parse limits.
template <typename Model>
Model readModel(std::string_view text, const JsonParseOptions& options = {}) {
  Model model;
  ModelReader reader(std::make_unique<ModelBinder<Model>>(model), effectiveDepth(options));
  parseDocument(text, options, reader);
  return model;
}

}  // namespace msgraph::detail
