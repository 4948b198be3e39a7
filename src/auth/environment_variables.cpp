// SPDX-License-Identifier: MIT
#include "auth/environment_variables.hpp"

#include <cstdlib>

namespace msgraph::detail {

std::string EnvironmentVariables::get(std::string_view name) const {
  if (source_) return source_(name).value_or(std::string());
  const char* value = std::getenv(std::string(name).c_str());
  return value != nullptr ? std::string(value) : std::string();
}

AuthenticationError refusedSetting(std::string_view credential, const ValueSources& sources,
                                   const ValidationError& error) {
  const auto source = sources.find(error.field());
  const std::string& name = source != sources.end() ? source->second : error.field();
  return AuthenticationError(std::string(credential) + ": " + name + " " + error.reason());
}

SetupProblem notConfigured(std::string_view credential, const std::vector<std::string>& unset) {
  std::string list;
  for (const std::string& name : unset) list += (list.empty() ? "" : ", ") + name;
  return {true, std::string(credential) + " is not configured: " + list +
                    (unset.size() == 1 ? " is" : " are") + " not set"};
}

}  // namespace msgraph::detail
