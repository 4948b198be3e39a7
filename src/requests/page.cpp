// SPDX-License-Identifier: MIT
#include "msgraph/requests/page.hpp"

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

std::optional<std::string> readPage(std::string_view json,
                                    const std::function<void(std::string_view item)>& item) {
  Json page;
  try {
    page = Json::parse(json);
  } catch (const Error& error) {
    throw DeserializationError("", std::string("is not a JSON page: ") + error.what());
  }
  if (!page.isObject()) throw DeserializationError("", "is not a JSON object");
  const Json* value = page.find("value");
  if (value == nullptr || !value->isArray()) {
    throw DeserializationError("/value", "is not an array");
  }
  std::size_t index = 0;
  for (const Json& element : value->asArray()) {
    const std::string prefix = "/value/" + std::to_string(index++);
    try {
      item(element.dump());
    } catch (const DeserializationError& error) {
      throw DeserializationError(prefix + error.pointer(), error.reason());
    }
  }
  const Json* next = page.find("@odata.nextLink");
  if (next == nullptr || next->isNull()) return std::nullopt;
  if (!next->isString()) throw DeserializationError("/@odata.nextLink", "is not a string");
  return next->asString();
}

}  // namespace msgraph::detail
