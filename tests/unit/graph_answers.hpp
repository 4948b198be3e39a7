// SPDX-License-Identifier: MIT
#pragma once

// Graph's error bodies that the ensure tests answer with (404 absent, 409 on a second create).
#include <string>

namespace msgraph_test {

inline const std::string kNotFound =
    R"({"error":{"code":"Request_ResourceNotFound","message":"Resource not found."}})";
inline const std::string kConflict =
    R"({"error":{"code":"Request_MultipleObjectsWithSameKeyValue","message":"A conflicting )"
    R"(object with one or more of the specified property values is present in the directory."}})";

}  // namespace msgraph_test
