// SPDX-License-Identifier: MIT
#include "msgraph/error.hpp"

#include "core/printable_excerpt.hpp"

namespace msgraph {

namespace detail {

std::string printableExcerpt(std::string_view text, std::size_t limit) {
  std::string out;
  for (char c : text.substr(0, limit)) {
    out.push_back((static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c);
  }
  if (text.size() > limit) out += "...";
  return out;
}

}  // namespace detail

namespace {

// What a DeserializationError says about its pointer: the whole document, or one value.
std::string describePointer(const std::string& pointer) {
  return pointer.empty() ? "JSON document" : "JSON value at '" + pointer + "'";
}

}  // namespace

Error::Error(const std::string& message) : std::runtime_error(message) {}
Error::~Error() = default;
void Error::raise() const { throw *this; }
std::shared_ptr<const Error> Error::clone() const { return std::make_shared<Error>(*this); }

ValidationError::ValidationError(std::string field, const std::string& reason)
    : Error("invalid " + field + ": " + reason), field_(std::move(field)), reason_(reason) {}
ValidationError::~ValidationError() = default;
void ValidationError::raise() const { throw *this; }
std::shared_ptr<const Error> ValidationError::clone() const {
  return std::make_shared<ValidationError>(*this);
}

AuthenticationError::AuthenticationError(const std::string& message, Details details)
    : Error(message), details_(std::move(details)) {}
AuthenticationError::AuthenticationError(const std::string& message, const TransportError& cause)
    : Error(message), transportError_(std::make_shared<TransportError>(cause)) {}
AuthenticationError::~AuthenticationError() = default;
void AuthenticationError::raise() const { throw *this; }
std::shared_ptr<const Error> AuthenticationError::clone() const {
  return std::make_shared<AuthenticationError>(*this);
}

TransportError::TransportError(Kind kind, const std::string& message, bool gotResponse)
    : Error(message), kind_(kind), gotResponse_(gotResponse) {}
TransportError::~TransportError() = default;
void TransportError::raise() const { throw *this; }
std::shared_ptr<const Error> TransportError::clone() const {
  return std::make_shared<TransportError>(*this);
}

CancelledError::CancelledError(const std::string& message) : Error(message) {}
CancelledError::~CancelledError() = default;
void CancelledError::raise() const { throw *this; }
std::shared_ptr<const Error> CancelledError::clone() const {
  return std::make_shared<CancelledError>(*this);
}

DeadlineExceededError::DeadlineExceededError(const std::string& message) : Error(message) {}
DeadlineExceededError::~DeadlineExceededError() = default;
void DeadlineExceededError::raise() const { throw *this; }
std::shared_ptr<const Error> DeadlineExceededError::clone() const {
  return std::make_shared<DeadlineExceededError>(*this);
}

DeserializationError::DeserializationError(std::string pointer, const std::string& reason)
    : Error(describePointer(pointer) + " " + reason),
      pointer_(std::move(pointer)),
      reason_(reason) {}
DeserializationError::~DeserializationError() = default;
void DeserializationError::raise() const { throw *this; }
std::shared_ptr<const Error> DeserializationError::clone() const {
  return std::make_shared<DeserializationError>(*this);
}

}  // namespace msgraph
