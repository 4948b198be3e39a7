// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/error.hpp"
#include "msgraph/requests/request_core.hpp"

namespace msgraph::detail {

/// `core` with `body` serialized now, so the request carries text, not a copy of the model; a
/// body that cannot be serialized fails the call when it is sent, as every validation error
/// does, naming the field under `BodyParameter` (the cmdlets' name for the body).
template <typename Model>
RequestCore withBody(RequestCore core, const Model& body) {
  try {
    core.setBody(body.toJson());
  } catch (const ValidationError& error) {
    const std::string where = error.field() == "/" ? std::string() : error.field();
    core.setPendingError(
        std::make_shared<ValidationError>("BodyParameter" + where, error.reason()));
  }
  return core;
}

}  // namespace msgraph::detail
